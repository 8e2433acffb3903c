using System.Text;

namespace DyeRegistry.Cli.Output;

/// <summary>
/// Writes a file so that a reader sees the previous content or the whole new one, never a part:
/// the content goes to a temporary file beside the target, is flushed to disk, and is renamed
/// over the target only when complete. A failure (full disk, no permission, a crash) leaves the
/// previous file as it was and removes the temporary one.
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text) => Write(path, stream =>
    {
        var bytes = new UTF8Encoding(false).GetBytes(text);
        stream.Write(bytes);
    });

    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException($"{path} is a directory; name a file");
        }

        if (IsStream(full))
        {
            // /dev/null, /dev/stdout, a named pipe: renaming over it would replace the device (as
            // root, /dev/null itself) with a regular file. Such a target has no previous content to
            // keep, so it is written directly.
            using var device = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            write(device);
            device.Flush();
            return;
        }

        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new IOException($"cannot write {path}: {e.Message} (the previous file, if any, is unchanged)", e);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>An existing target that is not a regular file: a character device or a pipe
    /// (neither can seek). Opening a pipe to ask waits for its reader, as writing to it would.</summary>
    private static bool IsStream(string full)
    {
        if (!File.Exists(full) || OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            return !probe.CanSeek;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // nothing more to do: the temporary name is ours alone
        }
    }
}
