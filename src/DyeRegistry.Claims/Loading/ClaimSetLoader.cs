using DyeRegistry.Claims.Model;
using DyeRegistry.Markush.Loading;
using YamlDotNet.RepresentationModel;

namespace DyeRegistry.Claims.Loading;

/// <summary>
/// Reads one claim set file (NNN.yaml): patent, title, the patent document, source, provenance,
/// version and the claims (each limitation with the claim words it tests; optionally each claim's
/// full text). Checks that parents and included claims exist and come earlier, that limitation ids
/// are unique within a claim, that every independent claim says what it pairs, and every path
/// against the record schema.
/// </summary>
internal static class ClaimSetLoader
{
    public static ClaimSet Read(YamlMappingNode root, string file, ReadingSet readings, List<DataFileError> errors)
    {
        var y = new YamlFields(root, file, "a claim set", errors);
        var patent = y.RequiredString("patent");
        var conditions = new ConditionReader(file, errors, readings);
        var claims = new List<Claim>();
        foreach (var node in y.NodeList("claims", required: true))
        {
            var c = new YamlFields(node, file, "a claim", errors);
            var number = c.RequiredInt("claim");
            var parent = c.OptionalInt("parent");
            var pairingText = c.OptionalString("pairing");
            var preamble = c.OptionalString("preamble");
            var claimText = c.OptionalString("text");
            var includes = c.StringList("include", required: false)
                .Select(s => int.TryParse(s.Value, out var n) ? n : Error(c, s.Line, "include", $"expected a claim number, not '{s.Value}'"))
                .ToList();
            var limitations = new List<Limitation>();
            foreach (var l in c.NodeList("limitations", required: includes.Count == 0))
            {
                var ly = new YamlFields(l, file, "a limitation", errors);
                var id = ly.RequiredString("id");
                var text = ly.RequiredString("text");
                var words = ClaimWords.Read(ly, l);
                var test = ly.Node("test");
                Condition condition = test is null ? new AllCondition(ly.Line, []) : conditions.Read(test, new HashSet<string>());
                if (test is null)
                {
                    ly.Error(l, "test", "missing (required): the condition that decides the limitation");
                }

                if (limitations.Any(x => x.Id == id))
                {
                    ly.Error(l, "id", $"duplicate limitation id '{id}' in claim {number}");
                }

                ly.RejectUnknown();
                limitations.Add(new Limitation(id, text, condition, ly.Line) { Words = words });
            }

            Pairing? pairing = pairingText switch
            {
                null => null,
                "medium" => Pairing.Medium,
                "medium-with-production" => Pairing.MediumWithProduction,
                "ink-and-medium" => Pairing.InkAndMedium,
                _ => Error<Pairing>(c, c.Line, "pairing", $"expected medium, medium-with-production or ink-and-medium, not '{pairingText}'"),
            };
            var parentClaim = parent is { } p ? claims.FirstOrDefault(x => x.Number == p) : null;
            if (parent is not null && parentClaim is null)
            {
                c.Error(node, "parent", $"claim {parent} is not defined before claim {number}");
            }

            if (parent is not null && pairing is not null && parentClaim is not null && pairing != parentClaim.Pairing)
            {
                c.Error(node, "pairing", $"claim {number} depends on claim {parent} ({parentClaim.Pairing}) but says {pairingText}");
            }

            if (parent is null && pairingText is null)
            {
                c.Error(node, "pairing", "an independent claim needs pairing: medium, medium-with-production or ink-and-medium");
            }

            foreach (var i in includes.Where(i => i != 0 && claims.All(x => x.Number != i)))
            {
                c.Error(node, "include", $"claim {i} is not defined before claim {number}");
            }

            if (claims.Any(x => x.Number == number))
            {
                c.Error(node, "claim", $"duplicate claim number {number}");
            }

            if (claimText is not null)
            {
                ClaimWords.CheckAgainstText(c, node, number, claimText, limitations);
            }

            c.RejectUnknown();
            claims.Add(new Claim(patent, number, parent, pairing ?? parentClaim?.Pairing ?? Pairing.Medium, preamble, includes, limitations, c.Line) { Text = claimText });
        }

        var document = PatentDocumentReader.Read(y, file, errors, formula: false);
        if (document is not null && document.Claims >= 1 && claims.Where(c => c.Number > document.Claims).Select(c => c.Number).ToList() is { Count: > 0 } beyond)
        {
            y.Error(y.Line, "document", $"claims: the document has {document.Claims} claims, but {(beyond.Count == 1 ? "claim" : "claims")} {string.Join(", ", beyond)} {(beyond.Count == 1 ? "is" : "are")} encoded");
        }

        var set = new ClaimSet(patent, y.RequiredString("title"), y.RequiredString("source"),
            y.Provenance("provenance", required: true) ?? Markush.Model.Provenance.Missing, y.RequiredInt("version"), file, claims)
        {
            Document = document ?? new Markush.Model.PatentDocument(Markush.Model.PatentDocument.NotRecorded, 0, Markush.Model.PatentDocument.NotRecorded, Markush.Model.PatentDocument.NotRecorded),
        };
        y.RejectUnknown();
        return set;
    }

    private static T? Error<T>(YamlFields y, int line, string field, string message)
        where T : struct
    {
        y.Error(line, field, message);
        return null;
    }

    private static int Error(YamlFields y, int line, string field, string message)
    {
        y.Error(line, field, message);
        return 0;
    }
}
