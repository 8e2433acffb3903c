using System.Buffers.Binary;
using System.IO.Compression;

namespace DyeRegistry.TestSupport;

/// <summary>
/// Reads a PNG far enough for tests to check it is one and look at its pixels: the signature,
/// the IHDR size, and the pixels of an 8-bit, non-interlaced RGB or RGBA image (what Cairo
/// writes), unfiltered. Anything else is reported, not guessed at.
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private readonly byte[] pixels;
    private readonly int channels;

    private PngImage(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        this.channels = channels;
        this.pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Decodes <paramref name="png"/>; throws <see cref="InvalidDataException"/> saying what is wrong.</summary>
    public static PngImage Read(byte[] png)
    {
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG: the 8-byte signature is missing");
        }

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        var at = 8;
        var ended = false;
        while (at + 12 <= png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (at + 12 + length > png.Length)
            {
                throw new InvalidDataException($"PNG chunk {type} runs past the end of the data");
            }

            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                    height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                    var (depth, colour, interlace) = (data[8], data[9], data[12]);
                    channels = colour switch { 2 => 3, 6 => 4, _ => throw new InvalidDataException($"PNG colour type {colour} is not RGB or RGBA") };
                    if (depth != 8 || interlace != 0)
                    {
                        throw new InvalidDataException($"PNG bit depth {depth} / interlace {interlace}: only 8-bit non-interlaced is read");
                    }

                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    ended = true;
                    break;
            }

            at += 12 + length;
        }

        if (width <= 0 || height <= 0 || !ended)
        {
            throw new InvalidDataException("PNG without IHDR or IEND");
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        return new PngImage(width, height, channels, Unfilter(inflated.ToArray(), width, height, channels));
    }

    /// <summary>The pixel at (x, y) as red, green, blue.</summary>
    public (byte R, byte G, byte B) Pixel(int x, int y)
    {
        var i = ((y * Width) + x) * channels;
        return (pixels[i], pixels[i + 1], pixels[i + 2]);
    }

    /// <summary>How many pixels satisfy <paramref name="test"/>.</summary>
    public int Count(Func<(byte R, byte G, byte B), bool> test)
    {
        var n = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                n += test(Pixel(x, y)) ? 1 : 0;
            }
        }

        return n;
    }

    // PNG's five row filters (none, sub, up, average, Paeth), undone row by row.
    private static byte[] Unfilter(byte[] data, int width, int height, int bpp)
    {
        var stride = width * bpp;
        if (data.Length < height * (stride + 1))
        {
            throw new InvalidDataException($"PNG pixel data is {data.Length} bytes, {height * (stride + 1)} expected");
        }

        var output = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var raw = data[(y * (stride + 1)) + 1 + x];
                int a = x >= bpp ? output[(y * stride) + x - bpp] : 0;
                int b = y > 0 ? output[((y - 1) * stride) + x] : 0;
                int c = x >= bpp && y > 0 ? output[((y - 1) * stride) + x - bpp] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG row {y} has filter type {filter}"),
                };
                output[(y * stride) + x] = unchecked((byte)(raw + predicted)); // modulo 256, as PNG defines it
            }
        }

        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
