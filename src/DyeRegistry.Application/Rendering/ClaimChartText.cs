using DyeRegistry.Application.Charts;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Markush.Loading;

namespace DyeRegistry.Application.Rendering;

/// <summary>
/// A claim chart as plain text, from the same view as HTML, PDF and Word: the citable header,
/// then per patent each claim with its verdict, the sentence that decides it, the deciding
/// limitations (claim words first, then what was recorded) and the other limitations below.
/// </summary>
public static class ClaimChartText
{
    public static void Write(TextWriter w, ClaimChart chart, Func<ClaimResult, bool> shown) =>
        Write(w, ClaimChartView.Of(chart, shown, DateTimeOffset.UtcNow, ClaimCharts.UnknownAuthor));

    public static void Write(TextWriter w, ClaimChartView view)
    {
        var h = view.Header;
        var chart = view.Chart;
        w.WriteLine(h.Title);
        w.WriteLine($"  made {h.GeneratedText} by {h.Author} with dyereg {h.ProductVersion}");
        w.WriteLine($"  {ClaimMatrixRendering.Summary(view.Patents.SelectMany(p => p.Claims).Select(c => c.Result))}");
        w.WriteLine("Patents:");
        foreach (var s in h.Patents)
        {
            w.WriteLine($"  {ChartHeader.Describe(s)}");
        }

        w.WriteLine("Records:");
        foreach (var r in h.Records)
        {
            w.WriteLine($"  record {r.Id} ({r.Kind.ToString().ToLowerInvariant()}){(r.Version is { } v ? $" version {v}" : " not registered")}, {r.Origin}");
        }

        w.WriteLine("Readings in force:");
        foreach (var r in h.Readings)
        {
            w.WriteLine($"  {r.Describe()} [{ProvenanceText.ToText(r.Option.Provenance)}]");
        }

        foreach (var f in chart.Formulas.Where(f => view.ShowsFormulas && f.Provenance != Markush.Model.Provenance.Read))
        {
            w.WriteLine($"  formula ({f.Id}) v{f.Version} is {(f.Provenance == Markush.Model.Provenance.Missing ? "MISSING from the claim text (never matches)" : "reconstructed (the drawing is not in the claim text)")}");
        }

        w.WriteLine($"What this chart is: {ChartHeader.Statement}");
        foreach (var p in view.Patents)
        {
            w.WriteLine();
            w.WriteLine($"== {p.Set.Patent}: {p.Set.Title} (claim set v{p.Set.Version})");
            w.WriteLine($"   from the patent document {p.Set.Document.Describe()}");
            foreach (var c in p.Claims)
            {
                Claim(w, c);
            }
        }

        var shown = view.Patents.SelectMany(p => p.Claims).Select(c => c.Result).ToHashSet();
        ClaimChartAdditions.TextSensitivity(w, chart, shown.Contains);
    }

    private static void Claim(TextWriter w, ClaimView c)
    {
        var pad = new string(' ', 2 * c.Depth);
        w.WriteLine();
        w.WriteLine($"{pad}{c.Claim.Id,-7} {c.Verdict.ToUpperInvariant(),-12} {c.Heading}{ClaimChartAdditions.TextNote(c.Result)}");
        if (c.Claim.Text is { } text)
        {
            w.WriteLine($"{pad}    claim text: {text}");
        }

        if (c.Adds is { } adds)
        {
            w.WriteLine($"{pad}    {adds}");
        }

        w.WriteLine($"{pad}    {c.Decides}");
        foreach (var l in c.Deciding)
        {
            Row(w, pad + "    ", l, c);
        }

        ClaimChartAdditions.TextMargins(w, c.Result);

        if (c.Other.Count > 0)
        {
            w.WriteLine($"{pad}    other limitations (cannot change the verdict):");
            foreach (var l in c.Other)
            {
                Row(w, pad + "      ", l, c);
            }
        }
    }

    private static void Row(TextWriter w, string pad, LimitationResult l, ClaimView c)
    {
        var from = l.Claim == c.Claim.Id ? string.Empty : $" [{l.Claim}]";
        w.WriteLine($"{pad}{Mark(l.Verdict)} {l.Limitation.Id}{from}: {l.Reason}");
        foreach (var warning in l.Warnings)
        {
            w.WriteLine($"{pad}    ! {warning}");
        }

        foreach (var n in l.Needs)
        {
            w.WriteLine($"{pad}    needs: {n}");
        }

        foreach (var d in l.Dyes.Where(d => d.Verdict == "within"))
        {
            w.WriteLine($"{pad}    dye {d.Dye}: {d.Explanation}");
        }
    }

    private static string Mark(LimitationVerdict v) => v switch
    {
        LimitationVerdict.Met => "[met]    ",
        LimitationVerdict.NotMet => "[not met]",
        _ => "[unknown]",
    };
}
