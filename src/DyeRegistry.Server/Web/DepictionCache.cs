using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DyeRegistry.Server.Web;

/// <summary>
/// Drawn depictions kept in memory, keyed by what decides the drawing: the stored structure's
/// bytes (its RDKit pickle, so a new version with another structure is drawn again and one with
/// the same structure is not), the formula highlighted and the formula files' stamp, and the
/// size. A search page's grid and a dye page's cards are drawn once, then served from here. The
/// key is also the response's ETag, so a browser that has the drawing gets 304 Not Modified.
/// </summary>
/// <remarks>Bounded by the characters held (<see cref="MaxCharacters"/>): when full it starts
/// again empty, which costs only redrawing.</remarks>
internal sealed class DepictionCache
{
    public const long MaxCharacters = 16L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, string> svgs = new(StringComparer.Ordinal);
    private long characters;

    /// <summary>The key of one drawing (also its ETag, without quotes).</summary>
    public static string Key(byte[] structure, string? formula, string formulaStamp, int width, int height)
    {
        var hash = SHA256.HashData(structure);
        return $"{Convert.ToHexString(hash, 0, 16)}-{width}x{height}{(formula is null ? string.Empty : "-" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(formula + "\n" + formulaStamp)), 0, 8))}";
    }

    /// <summary>The drawing of <paramref name="key"/>, drawn now when not held; a drawing that
    /// failed (null) is not kept.</summary>
    public string? GetOrDraw(string key, Func<string?> draw)
    {
        if (svgs.TryGetValue(key, out var svg))
        {
            return svg;
        }

        svg = draw();
        if (svg is null)
        {
            return null;
        }

        if (Interlocked.Add(ref characters, svg.Length) > MaxCharacters)
        {
            svgs.Clear();
            Interlocked.Exchange(ref characters, svg.Length);
        }

        svgs[key] = svg;
        return svg;
    }
}
