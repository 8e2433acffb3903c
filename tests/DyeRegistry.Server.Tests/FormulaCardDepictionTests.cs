using System.Net;

namespace DyeRegistry.Server.Tests;

/// <summary>
/// A dye page's formula card draws the embedding "within" was decided on, core and slots
/// highlighted, in the form it was found in: a dye drawn as its keto-hydrazone is within Y-I only
/// as its azo tautomer, and the card says so and draws that tautomer with the core in the core's
/// colour. Depictions are kept and carry an ETag: asked again with it, 304.
/// </summary>
public sealed class FormulaCardDepictionTests
{
    private const string CoreColour = "#B2CCFF"; // MatchDepiction's core highlight

    [Fact]
    public async Task A_dye_within_only_as_a_tautomer_has_its_tautomer_drawn_and_says_so()
    {
        await using var host = await ApiHost.StartAsync();
        var smi = host.Temp.Combine("hydrazone.smi");
        await File.WriteAllTextAsync(smi, "CC1=NN(c2ccccc2)C(=O)C1=NNc1nc2ccccc2s1 T-HYD\n");
        Assert.Equal(0, ApiHost.Cli("import", smi, "--registry", host.Registry, "--no-estimates").Exit);
        var client = host.Client("viewer");

        var page = await client.GetStringAsync("/dyes/T-HYD");
        Assert.Contains("/depict/T-HYD.svg?formula=Y-I", page);
        Assert.Contains("within</span> as a tautomer", page);
        var card = await client.GetStringAsync("/depict/T-HYD.svg?formula=Y-I");
        Assert.Contains(CoreColour, card, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(CoreColour, await client.GetStringAsync("/depict/T-HYD.svg"), StringComparison.OrdinalIgnoreCase);

        // A dye whose core embeds as drawn says nothing of a tautomer, and is highlighted too.
        var m101 = await client.GetStringAsync("/dyes/M-101");
        Assert.Contains("/depict/M-101.svg?formula=Y-I", m101);
        Assert.DoesNotContain("as a tautomer", m101);
        Assert.Contains(CoreColour, await client.GetStringAsync("/depict/M-101.svg?formula=Y-I"), StringComparison.OrdinalIgnoreCase);

        var first = await client.GetAsync("/depict/T-HYD.svg?formula=Y-I");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/depict/T-HYD.svg?formula=Y-I");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        // Another drawing (no formula) has another tag.
        Assert.NotEqual(etag, (await client.GetAsync("/depict/T-HYD.svg")).Headers.ETag);
    }
}
