using System.Globalization;
using DyeRegistry.Application.Scope;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Model;

namespace DyeRegistry.Application.Rendering;

/// <summary>
/// The matrix views a person reads (<c>dyereg scope --matrix --views DIR</c>): per recording-method
/// claim the inks x media grid of verdicts (<c>grid-001-2.csv</c>, rows inks, columns media), the
/// heat map (<c>heatmap.html</c>), a summary per claim (<c>summary-claims.csv</c>: how many pairs,
/// or media for a medium claim, are within, undetermined, outside) and per ink
/// (<c>summary-inks.csv</c>: the claims it falls within on any medium, and the claim the smallest
/// change would leave, with the limitation, its margin and the medium).
/// </summary>
public static class MatrixViews
{
    public static IReadOnlyList<string> Write(string folder, MatrixView view)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        string Path(string name)
        {
            var p = System.IO.Path.Combine(folder, name);
            written.Add(p);
            return p;
        }

        for (var k = 0; k < view.Engine.Pairing.Claims.Count; k++)
        {
            if (view.ShownPairing[k])
            {
                var c = view.Engine.Pairing.Claims[k];
                using var w = new StreamWriter(Path($"grid-{c.Patent}-{c.Number}.csv"));
                Grid(w, view, k);
            }
        }

        using (var w = new StreamWriter(Path("summary-claims.csv")))
        {
            ClaimSummary(w, view);
        }

        using (var w = new StreamWriter(Path("summary-inks.csv")))
        {
            InkSummary(w, view);
        }

        using (var w = new StreamWriter(Path("heatmap.html")))
        {
            MatrixHeatMap.Write(w, view);
        }

        return written;
    }

    public static void Grid(TextWriter w, MatrixView view, int claim)
    {
        w.Write(CsvText.Field($"ink \\ medium ({view.Engine.Pairing.Claims[claim].Id})"));
        foreach (var m in view.Media)
        {
            w.Write(',');
            w.Write(CsvText.Field(m.Record.Id));
        }

        w.Write('\n');
        foreach (var i in view.Inks)
        {
            w.Write(CsvText.Field(i.Record.Id));
            foreach (var m in view.Media)
            {
                w.Write(',');
                w.Write(MatrixEngine.Failure(i, m) is null ? Verdicts.Text(view.Engine.Verdicts(i, m)[claim]) : "not evaluated");
            }

            w.Write('\n');
        }
    }

    public static void ClaimSummary(TextWriter w, MatrixView view)
    {
        w.Write("claim,title,evaluated_on,within,undetermined,outside,not_evaluated\n");
        var failedPairs = view.Inks.Count * (long)view.Media.Count - view.PairCount;
        var inkCounts = view.Inks.Where(i => i.Failure is null).GroupBy(i => i.Class).ToDictionary(g => g.Key, g => (long)g.Count());
        var mediumCounts = view.Media.Where(m => m.Failure is null).GroupBy(m => m.Class).ToDictionary(g => g.Key, g => (long)g.Count());
        foreach (var c in view.Engine.Library.Claims)
        {
            if (!view.Shown(new ClaimResult(c, string.Empty, ClaimVerdict.Within, null, [], [])))
            {
                continue;
            }

            var n = new long[3];
            long failed;
            string on;
            var k = view.Engine.Pairing.Claims.IndexOf(c);
            if (k >= 0)
            {
                on = "pairs";
                failed = failedPairs;
                foreach (var (ic, ni) in inkCounts)
                {
                    foreach (var (mc, nm) in mediumCounts)
                    {
                        n[(int)view.Engine.PairVerdictsOfClasses(ic, mc)[k]] += ni * nm;
                    }
                }
            }
            else
            {
                on = "media";
                failed = view.Media.Count(m => m.Failure is not null);
                foreach (var m in view.Media.Where(m => m.Failure is null))
                {
                    if (m.Claims.FirstOrDefault(x => x.Claim.Claim.Id == c.Id) is { } r)
                    {
                        n[(int)r.Claim.Verdict]++;
                    }
                }
            }

            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"{c.Id},{CsvText.Field(view.Engine.Library.Set(c.Patent)!.Title)},{on},{n[(int)ClaimVerdict.Within]},{n[(int)ClaimVerdict.Undetermined]},{n[(int)ClaimVerdict.Outside]},{failed}\n"));
        }
    }

    public static void InkSummary(TextWriter w, MatrixView view)
    {
        w.Write("ink,ink_version,within_on_some_medium,nearest_claim,nearest_medium,nearest_margin\n");
        var claims = view.Engine.Pairing.Claims;
        var media = view.Media.Where(m => m.Failure is null).ToList();
        var mediumBest = media.Select(m => Enumerable.Range(0, claims.Count).Select(c => ClaimMargins.Nearest(view.Engine.Pairing.Chain(c).Where(l => view.Engine.Pairing.Limitations[l].Side == PairingSide.Medium).SelectMany(l => m.Margins[IndexIn(view.Engine.Pairing.MediumSide, l)]))).ToArray()).ToList();
        foreach (var i in view.Inks)
        {
            if (i.Failure is not null)
            {
                w.Write($"{CsvText.Field(i.Record.Id)},{i.Record.Version},not evaluated,,,{CsvText.Field(i.Failure)}\n");
                continue;
            }

            var inkBest = Enumerable.Range(0, claims.Count).Select(c => ClaimMargins.Nearest(view.Engine.Pairing.Chain(c).Where(l => view.Engine.Pairing.Limitations[l].Side == PairingSide.Ink).SelectMany(l => i.Margins[IndexIn(view.Engine.Pairing.InkSide, l)]))).ToArray();
            var within = new bool[claims.Count];
            (int Claim, int Medium, LimitationMargin Margin)? best = null;
            for (var mi = 0; mi < media.Count; mi++)
            {
                var verdicts = view.Engine.Verdicts(i, media[mi]);
                for (var c = 0; c < claims.Count; c++)
                {
                    if (verdicts[c] != ClaimVerdict.Within || !view.ShownPairing[c])
                    {
                        continue;
                    }

                    within[c] = true;
                    var m = Better(inkBest[c], mediumBest[mi][c]);
                    if (m is not null && (best is null || Better(m, best.Value.Margin) == m && m != best.Value.Margin))
                    {
                        best = (c, mi, m);
                    }
                }
            }

            var list = string.Join(" ", claims.Where((_, c) => within[c]).Select(c => c.Id));
            w.Write($"{CsvText.Field(i.Record.Id)},{i.Record.Version},{CsvText.Field(list)},");
            w.Write(best is { } b ? $"{claims[b.Claim].Id},{CsvText.Field(media[b.Medium].Record.Id)},{CsvText.Field(b.Margin.Text)}\n" : ",,\n");
        }
    }

    // The nearer of two margins: numeric by fraction, a numeric one before a hinge, either before none.
    private static LimitationMargin? Better(LimitationMargin? a, LimitationMargin? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }

        if (a.IsNumeric != b.IsNumeric)
        {
            return a.IsNumeric ? a : b;
        }

        return !a.IsNumeric || a.Fraction <= b.Fraction ? a : b;
    }

    private static int IndexIn(IReadOnlyList<int> list, int value)
    {
        for (var k = 0; k < list.Count; k++)
        {
            if (list[k] == value)
            {
                return k;
            }
        }

        return -1;
    }
}
