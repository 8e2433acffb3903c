using System.Text.RegularExpressions;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Loading;
using DyeRegistry.Storage.Records;

namespace DyeRegistry.Claims.Tests;

/// <summary>Issue 21: every limitation quotes the claim words it tests (data, validated on load),
/// a claim may carry its full text, and every reason reads in the claim's language first.</summary>
public sealed partial class ClaimWordsTests(ScopeFixture scope) : IClassFixture<ScopeFixture>
{
    [Fact]
    public void EveryShippedLimitation_QuotesClaimWords_AndNoClaimCarriesText()
    {
        Assert.All(scope.Claims.Claims.SelectMany(c => c.Limitations.Select(l => (c.Id, l))), x =>
        {
            Assert.True(x.l.Words.Count > 0, $"{x.Id} {x.l.Id} quotes no claim words");
            Assert.All(x.l.Words, w => Assert.False(string.IsNullOrWhiteSpace(w)));
        });
        Assert.All(scope.Claims.Claims, c => Assert.Null(c.Text)); // the repository ships limitations only
    }

    [Theory]
    [InlineData("        words: \"a support\"\n", "", "words", "missing (required)")]
    [InlineData("        words: \"a support\"\n", "        words: \"medium.support is recorded\"\n", "words", "is a record field")]
    [InlineData("        words: \"a support\"\n", "        words: []\n", "words", "an empty list")]
    public void BadWords_AreRefusedWithFileLineAndField(string find, string replace, string field, string message)
    {
        var (folder, file) = Sandbox();
        var text = File.ReadAllText(file);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0);
        File.WriteAllText(file, text[..at] + replace + text[(at + find.Length)..]);
        var e = Assert.Throws<ClaimFileException>(() => ClaimLibrary.Load(folder));
        Assert.Contains(e.Errors, x => x.File == file && x.Field == field && x.Message.Contains(message, StringComparison.Ordinal) && x.Line > 0);
    }

    [Fact]
    public void ClaimText_IsOptional_AndMustContainTheWordsItsLimitationsQuote()
    {
        var (folder, file) = Sandbox();
        var original = File.ReadAllText(file);
        const string anchor = "  - claim: 2\n    parent: 1\n";
        Assert.Contains(anchor, original, StringComparison.Ordinal);
        var withText = original.Replace(anchor, anchor + "    text: \"2. An ink-jet recording medium according to claim 1, wherein the pore volume A in the ink receiving layer at the pore diameter equal to the average particle diameter of the fine polymer particles is 50x10^-5 ml/cm2 or more.\"\n", StringComparison.Ordinal);
        File.WriteAllText(file, withText);
        var library = ClaimLibrary.Load(folder);
        Assert.StartsWith("2. An ink-jet recording medium according to claim 1", library.Find("000:2")!.Text);
        Assert.Null(library.Find("000:3")!.Text);

        File.WriteAllText(file, original.Replace(anchor, anchor + "    text: \"2. An ink-jet recording medium according to claim 1, wherein A is large.\"\n", StringComparison.Ordinal));
        var e = Assert.Throws<ClaimFileException>(() => ClaimLibrary.Load(folder));
        Assert.Contains(e.Errors, x => x.Field == "text" && x.Message.Contains("limitation 'A' quotes", StringComparison.Ordinal) && x.Message.Contains("claim 2's text", StringComparison.Ordinal));
    }

    /// <summary>The attorney's word list: over every limitation of the three claim sets, with data
    /// inside, outside and missing, a reason starts with the claim's quoted words and names no
    /// record field by its path (fields read "MED-1, ink receiving layer, dry thickness (um)").</summary>
    [Fact]
    public void EveryReason_StartsWithClaimWords_AndHasNoBareFieldPath()
    {
        var outside = new[]
        {
            Edit.Set("MED-1", "ink_receiving_layer.dry_thickness_um", "500"),
            Edit.Set("MED-1", "ink_receiving_layer.pore_volume_at_particle_diameter_ml_per_cm2", "1e-6"),
            Edit.Set("MED-1", "ink_receiving_layer.peak_pore_diameter_nm", "5"),
            Edit.Set("MED-1", "ink_receiving_layer.polymer_particles.average_diameter_nm", "500"),
            Edit.Set("MED-1", "ink_receiving_layer.polymer_particles.mass_percent_of_solids", "10"),
            Edit.Set("MED-1", "ink_receiving_layer.polymer_particles.secondary_particles_form_pores", "false"),
            Edit.Set("MED-1", "ink_receiving_layer.porous", "false"),
            Edit.Set("MED-1", "ink_receiving_layer.water_soluble_resin.saponification_percent", "20"),
            Edit.Set("MED-1", "ink_receiving_layer.water_soluble_resin.partially_saponified", "false"),
            Edit.Set("MED-1", "ink_receiving_layer.mordant", "false"),
            Edit.Set("M-101", "water_solubility_g_per_100g", "50"),
            Edit.Set("TCP", "boiling_point_c", "50"),
            Edit.Set("TCP", "water_solubility_g_per_100g", "30"),
            Edit.Set("INK-M1", "form", "\"dye_solution\""),
            Edit.Set("P-1", "hydrophobic", "false"),
        };
        var sheetOutside = new[]
        {
            Edit.Set("SHEET-1", "layers[second].microparticles.secondary_diameter_nm", "400"),
            Edit.Set("SHEET-1", "layers[first].microparticles.material", "\"titania\""),
            Edit.Set("SHEET-1", "layers[second].microparticles.material", "\"titania\""),
            Edit.Set("SHEET-1", "layers[first].void_volume_ml_per_m2", "80"),
            Edit.Set("SHEET-1", "layers[first].binder.polymerization_degree", "100"),
            Edit.Set("SHEET-1", "layers[first].binder.crosslinking_conversion_mol_percent", "9"),
            Edit.Set("SHEET-1", "production.simultaneous_multilayer_coating", "false"),
            Edit.Set("SHEET-1", "production.irradiation", "\"infrared heater\""),
            Edit.Set("SHEET-1", "production.solids_percent_at_irradiation", "99"),
            Edit.Set("SHEET-1", "support.absorptive", "true"),
        };
        var missing = new[]
        {
            Edit.Remove("MED-1", "support"), Edit.Remove("MED-1", "ink_receiving_layer"),
            Edit.Remove("SHEET-1", "support"), Edit.Remove("SHEET-1", "layers"), Edit.Remove("SHEET-1", "production"),
            Edit.Remove("M-101", "water_solubility_g_per_100g"), Edit.Remove("TCP", "boiling_point_c"), Edit.Remove("TCP", "water_solubility_g_per_100g"),
            Edit.Remove("P-1", "hydrophobic"), Edit.Remove("INK-M1", "form"),
        };
        var charts = new List<ClaimChart>();
        foreach (var medium in new[] { "MED-1", "SHEET-1" })
        {
            charts.Add(scope.Evaluate(medium, true, []));
            charts.Add(scope.Evaluate(medium, true, [.. outside, .. sheetOutside]));
            charts.Add(scope.Evaluate(medium, true, missing));
        }

        var rows = charts.SelectMany(c => c.Claims).SelectMany(c => c.Limitations).ToList();
        var seen = rows.Select(r => (r.Claim, r.Limitation.Id, r.Verdict)).ToHashSet();
        // "an ink is applied" (000:17) is a method claim's subject: charted only with an ink, never missing.
        Assert.All(scope.Claims.Claims.SelectMany(c => c.Limitations.Where(l => l.Condition is not Model.PresentCondition { Path.Steps.Count: 0 }).Select(l => (c.Id, l.Id))), x =>
        {
            Assert.Contains((x.Item1, x.Item2, LimitationVerdict.Unknown), seen);                     // missing data
            Assert.Contains(seen, s => s.Claim == x.Item1 && s.Id == x.Item2 && s.Verdict != LimitationVerdict.Unknown); // decided
        });

        var fields = FieldNames();
        var failures = new List<string>();
        foreach (var r in rows)
        {
            var quote = $"“{r.Limitation.Quote}”: ";
            if (!r.Reason.StartsWith(quote, StringComparison.Ordinal))
            {
                failures.Add($"{r.Claim} {r.Limitation.Id}: does not start with the claim words: {r.Reason}");
                continue;
            }

            var rest = r.Reason[quote.Length..];
            var bad = PathLike().Match(rest) is { Success: true } m ? m.Value
                : fields.FirstOrDefault(f => Regex.IsMatch(rest, $@"(?<![\w-]){Regex.Escape(f)}(?![\w-])"));
            if (bad is not null)
            {
                failures.Add($"{r.Claim} {r.Limitation.Id} ({r.Verdict}): the field path '{bad}' in: {r.Reason}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(30)));
    }

    // Schema field names written with an underscore: "dry_thickness_um", "polymer_particles".
    private static HashSet<string> FieldNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Walk(IEnumerable<FieldSpec> fields)
        {
            foreach (var f in fields)
            {
                if (f.Name.Contains('_', StringComparison.Ordinal))
                {
                    names.Add(f.Name);
                }

                Walk(f.Fields ?? []);
                Walk(f.Items?.Fields ?? []);
            }
        }

        foreach (var kind in RecordSchema.Fields.Values)
        {
            Walk(kind);
        }

        return names;
    }

    [GeneratedRegex(@"\b(medium|ink|layer|dye|solvent|polymer)\.[a-z_]|\blayers\[")]
    private static partial Regex PathLike();

    private static (string Folder, string File) Sandbox()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dyereg-claims-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.GetFiles(ClaimLibrary.DefaultFolder(), "*.yaml"))
        {
            File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        }

        return (folder, Path.Combine(folder, "000.yaml"));
    }
}

/// <summary>Each limitation's words are the claim's own: every fragment occurs in the claim text
/// of its patent as supplied in ../shared (compared as the claim text prints them: case, spaces,
/// superscripts and the OCR's TeX marks set aside).</summary>
[Trait("Category", "Validation")]
public sealed class ClaimWordsValidationTests(ScopeFixture scope) : IClassFixture<ScopeFixture>
{
    [TestSupport.ValidationFact]
    public void EveryQuotedFragment_OccursInItsPatentsClaimText()
    {
        var texts = Directory.GetFiles(TestSupport.SharedData.Path("seeds"), "*.txt")
            .ToDictionary(f => System.IO.Path.GetFileName(f)[..3], f => Normalize(File.ReadAllText(f)));
        var missing = scope.Claims.Sets
            .SelectMany(s => s.Claims.SelectMany(c => c.Limitations.SelectMany(l => l.Words.Select(w => (s.Patent, c.Number, l.Id, w)))))
            .Where(x => !texts[x.Patent].Contains(Normalize(x.w), StringComparison.Ordinal))
            .Select(x => $"{x.Patent}:{x.Number} {x.Id}: \"{x.w}\"")
            .ToList();
        Assert.True(missing.Count == 0, "not in the claim text: " + string.Join("; ", missing));
    }

    private static string Normalize(string s)
    {
        s = s.ToLowerInvariant();
        foreach (var (a, b) in new[] { ("<sup>", ""), ("</sup>", ""), ("²", "2"), ("⁻", "-"), ("⁵", "5"), ("\\times", "x"), ("×", "x"), ("μ", "u"), ("µ", "u"), ("{", ""), ("}", ""), ("$", ""), ("^", ""), ("[", ""), ("]", ""), ("(", ""), (")", "") })
        {
            s = s.Replace(a, b, StringComparison.Ordinal);
        }

        return Regex.Replace(s, @"\s+", string.Empty);
    }
}
