using System.Runtime.InteropServices;

namespace DyeRegistry.Cli.Output;

/// <summary>
/// Which file a path names, so that two paths to one file (a symbolic link, "./x" and "x", a hard
/// link) are recognised as the same: the device and inode numbers from stat(2) when the file
/// exists, else the full path with every symbolic link along it resolved.
/// </summary>
internal static partial class FileIdentity
{
    /// <summary>A key equal for two paths exactly when they name the same file (as far as can be told).</summary>
    public static string Of(string path)
    {
        var full = Resolve(Path.GetFullPath(path));
        return OperatingSystem.IsLinux() && Inode(full) is { } inode ? $"inode:{inode.Device}:{inode.Number}" : $"path:{full}";
    }

    // Follows symbolic links in every component, so a link to the registry is the registry.
    private static string Resolve(string full)
    {
        try
        {
            var info = new FileInfo(full);
            if (info.Exists || Directory.Exists(full))
            {
                var target = info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName : null;
                if (target is not null)
                {
                    return Resolve(target);
                }
            }

            var parent = Path.GetDirectoryName(full);
            return parent is null || parent == full ? full : Path.Combine(Resolve(parent), Path.GetFileName(full));
        }
        catch (IOException)
        {
            return full;
        }
        catch (UnauthorizedAccessException)
        {
            return full;
        }
    }

    private static unsafe (ulong Device, ulong Number)? Inode(string path)
    {
        // struct stat starts with st_dev and st_ino, both 64-bit, on every 64-bit Linux ABI.
        var buffer = stackalloc byte[512];
        return stat(path, buffer) == 0 ? (*(ulong*)buffer, *(ulong*)(buffer + 8)) : null;
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int stat(string path, byte* buffer);
}
