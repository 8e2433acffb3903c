using System.Runtime.InteropServices;

namespace DyeRegistry.Cli.Hosting;

/// <summary>
/// The C allocator under RDKit. RDKit builds and frees many small objects for every structure
/// (atoms, bonds, property dictionaries, ring sets); with glibc's malloc a quarter of a catalogue
/// screen is spent in malloc and free. dyereg therefore runs on jemalloc when Debian's
/// <c>libjemalloc2</c> is installed (setup installs it): at start, unless jemalloc is already
/// loaded or <c>DYEREG_MALLOC=system</c> is set, the process replaces itself (execve: same PID,
/// arguments, streams and signals) with jemalloc preloaded. Measured on the catalogue repeated
/// four times, 2 cores: 15-20 % less time for <c>dyereg screen</c>, same output.
/// Nothing changes when the library is absent or the re-execution fails: glibc's malloc is used.
/// Commands that do no chemistry in bulk (<see cref="IsLight"/>: a formula or exact search, show,
/// list, --version, --help ...) are not re-executed: for them it was only start-up cost.
/// </summary>
internal static partial class NativeAllocator
{
    private const string Switch = "DYEREG_MALLOC";
    private const string Reexecuted = "DYEREG_MALLOC_REEXEC";

    /// <summary>jemalloc's path on this machine, or null when it is not installed.</summary>
    public static string? JemallocPath { get; } = FindJemalloc();

    /// <summary>"jemalloc (path)" when loaded in this process, else "glibc malloc".</summary>
    public static string Current => IsJemallocLoaded() ? $"jemalloc ({JemallocPath ?? "preloaded"})" : "glibc malloc";

    /// <summary>
    /// Re-executes the program with jemalloc preloaded when that is possible and wanted; returns
    /// (and the program goes on as it is) otherwise. Call first thing in Main, from the program only.
    /// </summary>
    public static void UsePreferred(IReadOnlyList<string> args)
    {
        if (!OperatingSystem.IsLinux() || JemallocPath is null || IsLight(args) ||
            Environment.GetEnvironmentVariable(Switch) == "system" ||
            Environment.GetEnvironmentVariable(Reexecuted) is not null || IsJemallocLoaded())
        {
            return;
        }

        var exe = Environment.ProcessPath;
        string[] argv;
        try
        {
            // The command line as the kernel got it: right for the apphost and for "dotnet dyereg.dll".
            argv = File.ReadAllText("/proc/self/cmdline").TrimEnd('\0').Split('\0');
        }
        catch (IOException)
        {
            return;
        }

        if (exe is null || argv.Length == 0)
        {
            return;
        }

        var preload = Environment.GetEnvironmentVariable("LD_PRELOAD");
        var env = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Where(e => (string)e.Key is not "LD_PRELOAD")
            .Select(e => $"{e.Key}={e.Value}")
            .Append($"LD_PRELOAD={JemallocPath}{(string.IsNullOrEmpty(preload) ? "" : " " + preload)}")
            .Append($"{Reexecuted}=1")
            .ToArray();
        Exec(exe, argv, env); // returns only when execve failed: go on with glibc's malloc
    }

    // Commands that do no chemistry in bulk keep glibc's malloc: the re-execution is a second
    // runtime start (about 40 ms CPU, a sixth of a formula search's process), and the allocator
    // only pays for itself over many structures. `dyereg version` re-executes, so it names the
    // allocator the working commands get.
    private static readonly HashSet<string> LightCommands = new(StringComparer.Ordinal)
    {
        "show", "list", "init", "delete", "template", "schema", "completion", "formulas", "users", "help",
    };

    internal static bool IsLight(IReadOnlyList<string> args)
    {
        if (args.Any(a => a is "--version" or "--help" or "-h" or "-?"))
        {
            return true;
        }

        // The command: the first word that is not a global option (--registry VALUE, --debug).
        var words = new List<string>();
        for (var i = 0; i < args.Count && words.Count < 2; i++)
        {
            if (args[i] == "--registry")
            {
                i++;
            }
            else if (!args[i].StartsWith('-'))
            {
                words.Add(args[i]);
            }
        }

        return words.Count > 0 && (LightCommands.Contains(words[0]) ||
            (words[0] == "search" && args.Any(a => a is "--formula" or "--exact" || a.StartsWith("--formula=", StringComparison.Ordinal) || a.StartsWith("--exact=", StringComparison.Ordinal))) ||
            (words[0] == "cluster" && words.Count > 1 && words[1] is "status" or "cancel"));
    }

    private static string? FindJemalloc()
    {
        var triplet = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x86_64-linux-gnu",
            Architecture.Arm64 => "aarch64-linux-gnu",
            _ => null,
        };
        var path = triplet is null ? null : $"/usr/lib/{triplet}/libjemalloc.so.2";
        return path is not null && File.Exists(path) ? path : null;
    }

    private static bool IsJemallocLoaded()
    {
        try
        {
            return OperatingSystem.IsLinux() && File.ReadLines("/proc/self/maps").Any(l => l.Contains("libjemalloc", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static unsafe void Exec(string path, string[] argv, string[] env)
    {
        var allocated = new List<nint>();
        nint Utf8(string s)
        {
            var p = Marshal.StringToCoTaskMemUTF8(s);
            allocated.Add(p);
            return p;
        }

        try
        {
            var args = argv.Select(Utf8).Append(0).ToArray();
            var envp = env.Select(Utf8).Append(0).ToArray();
            fixed (nint* a = args)
            fixed (nint* e = envp)
            {
                execve(Utf8(path), a, e);
            }
        }
        finally
        {
            allocated.ForEach(Marshal.FreeCoTaskMem);
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int execve(nint path, nint* argv, nint* envp);
}
