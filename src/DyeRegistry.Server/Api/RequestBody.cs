namespace DyeRegistry.Server.Api;

/// <summary>
/// Reads a request body up to the configured size: refused at once when Content-Length says it
/// is larger, and as soon as more bytes arrive than allowed otherwise (Kestrel enforces the same
/// limit; this also holds where Kestrel is not the server).
/// </summary>
internal static class RequestBody
{
    public sealed class TooLarge(long limit) : Exception($"the request body is larger than {limit:N0} bytes");

    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken cancel)
    {
        if (request.ContentLength is { } length && length > limit)
        {
            throw new TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + n > limit)
            {
                throw new TooLarge(limit);
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }

    public static IResult Refused(TooLarge e) => Problems.Of(StatusCodes.Status413PayloadTooLarge, e.Message);

    /// <summary>Writes the body to a temporary file (the readers take files) and runs <paramref name="use"/> on it.</summary>
    public static async Task<T> WithTemporaryFile<T>(byte[] body, string extension, Func<string, T> use)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dyereg-serve-{Guid.NewGuid():N}{extension}");
        await File.WriteAllBytesAsync(path, body);
        try
        {
            return use(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
