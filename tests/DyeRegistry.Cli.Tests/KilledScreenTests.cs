using System.Diagnostics;
using Xunit.Abstractions;

namespace DyeRegistry.Cli.Tests;

/// <summary>
/// Kills a real <c>dyereg screen</c> process (SIGKILL: no cleanup, no final flush) part way through
/// a catalogue, resumes it with <c>--resume</c>, and shows the output and errors files are byte for
/// byte those of one uninterrupted run.
/// </summary>
public sealed class KilledScreenTests(ITestOutputHelper output) : IDisposable
{
    private const int Total = 8000;
    private readonly string dir = Directory.CreateTempSubdirectory("dyereg-killscreen-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void SigkillMidScreen_ThenResume_GivesTheUninterruptedOutput()
    {
        var catalogue = Path.Combine(dir, "catalogue.smi");
        File.WriteAllLines(catalogue, Enumerable.Range(0, Total).Select(Line));

        var reference = Path.Combine(dir, "reference.jsonl");
        Assert.Equal(0, Run(Start(catalogue, reference, resume: false)));

        var resumed = Path.Combine(dir, "resumed.jsonl");
        using (var screen = Start(catalogue, resumed, resume: false))
        {
            WaitForCheckpoint(resumed, screen);
            screen.Kill(); // SIGKILL on Linux
            screen.WaitForExit();
        }

        var partial = new FileInfo(resumed + ".partial").Length;
        output.WriteLine($"killed with {partial} of {new FileInfo(reference).Length} output bytes written");
        Assert.True(File.Exists(resumed + ".checkpoint"), "a killed run leaves its checkpoint");
        Assert.False(File.Exists(resumed), "an unfinished run's output keeps its partial name");
        Assert.Equal(0, Run(Start(catalogue, resumed, resume: true)));

        Assert.Equal(File.ReadAllBytes(reference), File.ReadAllBytes(resumed));
        Assert.Equal(File.ReadAllBytes(reference + ".errors"), File.ReadAllBytes(resumed + ".errors"));
        Assert.False(File.Exists(resumed + ".checkpoint"), "a finished run removes its checkpoint");
        Assert.NotEmpty(File.ReadAllLines(reference)); // the catalogue has hits
        Assert.NotEmpty(File.ReadAllLines(reference + ".errors")); // and bad records
    }

    [Fact]
    public void CtrlC_StopsCleanly_SaysHowToResume_AndResumingCompletesTheSameOutput()
    {
        var catalogue = Path.Combine(dir, "catalogue.smi");
        File.WriteAllLines(catalogue, Enumerable.Range(0, Total).Select(Line));
        var reference = Path.Combine(dir, "reference.jsonl");
        Assert.Equal(0, Run(Start(catalogue, reference, resume: false)));

        var stopped = Path.Combine(dir, "stopped.jsonl");
        var stderr = new System.Text.StringBuilder();
        using (var screen = Start(catalogue, stopped, resume: false, stderr))
        {
            // Interrupt as soon as output exists (a clean stop needs no gap after a checkpoint),
            // by a direct kill(2): spawning kill(1) could let a fast run finish first.
            WaitForCheckpoint(stopped, screen, settleMilliseconds: 0);
            var ignored = File.ReadAllLines($"/proc/{screen.Id}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
            Assert.Equal(0, Kill(screen.Id, SigInt));

            screen.WaitForExit();
            Assert.True(screen.ExitCode == 1, $"exit {screen.ExitCode} after SIGINT; {ignored}; stderr: {stderr}");
        }

        var message = stderr.ToString();
        output.WriteLine(message);
        Assert.Contains("stopped at", message, StringComparison.Ordinal);
        Assert.Contains($"--errors {stopped}.errors", message, StringComparison.Ordinal); // the resume command repeats every argument
        Assert.Contains("--resume", message, StringComparison.Ordinal);
        Assert.Equal(0, Run(Start(catalogue, stopped, resume: true)));
        Assert.Equal(File.ReadAllBytes(reference), File.ReadAllBytes(stopped));
        Assert.Equal(File.ReadAllBytes(reference + ".errors"), File.ReadAllBytes(stopped + ".errors"));
    }

    // Azo dyes (some within Y-I), plain compounds, and now and then a record RDKit rejects.
    private static string Line(int i) => (i % 997) switch
    {
        13 => $"C1CC(N=N K-{i:D5}",
        _ when i % 3 == 0 => $"CC1=NN(c2ccccn2)C(O)=C1N=Nc1ccc({new string('C', 1 + (i % 7))})cn1 K-{i:D5}",
        _ => $"CCN({new string('C', 1 + (i % 40))})c1ccc(N=Nc2ccc(O{new string('C', 1 + (i / 40 % 30))})cc2)cc1 K-{i:D5}",
    };

    private static int Run(Process p)
    {
        using (p)
        {
            p.WaitForExit();
            return p.ExitCode;
        }
    }

    private static Process Start(string catalogue, string output, bool resume, System.Text.StringBuilder? stderr = null)
    {
        // Through env --default-signal=INT: a child inherits an ignored SIGINT, and the test host
        // ignores it while in-process screen tests (ScreenTests) have no Ctrl-C handler of theirs
        // registered; .NET keeps a signal ignored at startup ignored, so Ctrl-C would do nothing.
        var info = new ProcessStartInfo("env")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var args = new List<string> { "--default-signal=INT", Path.Combine(AppContext.BaseDirectory, "dyereg"), "screen", catalogue, "-o", output, "--errors", output + ".errors", "--threads", "2", "--quiet" };
        if (resume)
        {
            args.Add("--resume");
        }

        args.ForEach(info.ArgumentList.Add);
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && stderr is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    private const int SigInt = 2;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static void WaitForCheckpoint(string output, Process screen, int settleMilliseconds = 300)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            Assert.False(screen.HasExited, "the screen finished before it could be killed: make the catalogue larger");
            if (File.Exists(output + ".checkpoint") && new FileInfo(output + ".partial").Length > 0)
            {
                Thread.Sleep(settleMilliseconds); // kill between checkpoints, with output written past the last one
                return;
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException("no checkpoint in 3 minutes");
    }
}
