using DyeRegistry.Application.Screening;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Matching;
using DyeRegistry.TestSupport;

namespace DyeRegistry.Cli.Tests.Hostile;

/// <summary>Issue 13 point 7: --resume refuses a catalogue that is not the one the checkpoint was
/// written for, instead of mixing two catalogues in one output.</summary>
public sealed class ResumeIdentityTests : IDisposable
{
    private readonly TempFolder dir = new("dyereg-resume-");
    private readonly FormulaLibrary library = FormulaLibrary.Load(FormulaLibrary.DefaultFolder());

    public void Dispose()
    {
        library.Dispose();
        dir.Dispose();
    }

    [Theory]
    [InlineData("other content, same length")]
    [InlineData("appended")]
    [InlineData("changed at the end")]
    public void ADifferentCatalogueUnderTheSameName_IsRefused(string change)
    {
        var lines = Enumerable.Range(0, 3000).Select(i => i % 7 == 0 ? $"c1ccc(nc1)N=Nc1nc(C)cs1 hit-{i:D5}" : $"CCCO plain-{i:D5}").ToList();
        var catalogue = dir.File("cat.smi", string.Join('\n', lines) + "\n");
        var output = dir.Combine("hits.jsonl");
        using (var cancel = new CancellationTokenSource())
        {
            Assert.True(Run(catalogue, output, false, cancel.Token, _ => cancel.Cancel()).Stopped);
        }

        var edited = change switch
        {
            "other content, same length" => lines.Select(l => l.Replace("plain", "PLAIN", StringComparison.Ordinal)),
            "appended" => lines.Append("CCN extra-1"),
            _ => lines.Take(lines.Count - 1).Append("CCCO plain-9999"),
        };
        File.WriteAllText(catalogue, string.Join('\n', edited) + "\n");
        var e = Assert.Throws<IOException>(() => Run(catalogue, output, true, default, null));
        Assert.Contains("cannot resume", e.Message, StringComparison.Ordinal);
        Assert.Contains(catalogue, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameCatalogue_Resumes()
    {
        var catalogue = dir.File("cat.smi", string.Join('\n', Enumerable.Range(0, 3000).Select(i => $"CCCO plain-{i:D5}")) + "\n");
        var output = dir.Combine("hits.jsonl");
        using (var cancel = new CancellationTokenSource())
        {
            Assert.True(Run(catalogue, output, false, cancel.Token, _ => cancel.Cancel()).Stopped);
        }

        Assert.False(Run(catalogue, output, true, default, null).Stopped);
        Assert.True(File.Exists(output));
    }

    private ScreenSummary Run(string file, string output, bool resume, CancellationToken cancel, Action<ScreenProgress>? progress) =>
        new ScreenRunner(new MarkushMatcher(library), MatchOptions.Default, null)
            .Run(new ScreenRequest([file], output, null, All: false, Threads: 2, Resume: resume), TextWriter.Null, cancel, progress);
}
