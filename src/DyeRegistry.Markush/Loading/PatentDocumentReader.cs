using DyeRegistry.Markush.Model;
using YamlDotNet.RepresentationModel;

namespace DyeRegistry.Markush.Loading;

/// <summary>
/// Reads the <c>document:</c> block of a claim or formula file (the patent it comes from):
/// <c>title</c>, <c>claims</c> (how many the document has), <c>publication</c> and
/// <c>applicant</c> (each required: the value, or <c>not recorded</c>), an optional
/// <c>source-text</c> note and, for a formula, the <c>claim</c> it appears in.
/// </summary>
public static class PatentDocumentReader
{
    public static PatentDocument? Read(YamlFields owner, string file, List<DataFileError> errors, bool formula)
    {
        var node = owner.Node("document");
        if (node is null)
        {
            owner.Error(owner.Line, "document", "missing (required): the patent document this comes from (title, claims, publication, applicant; write 'not recorded' for what the claim text does not give)");
            return null;
        }

        var d = new YamlFields(node, file, "document", errors);
        var title = d.RequiredString("title");
        var claims = d.RequiredInt("claims");
        var publication = d.RequiredString("publication");
        var applicant = d.RequiredString("applicant");
        var sourceText = d.OptionalString("source-text");
        int? claim = formula ? d.RequiredInt("claim") : null;
        if (d.Node("claims") is not null && claims < 1)
        {
            d.Error(d.Line, "claims", $"expected the number of claims the document has (1 or more), not {claims}");
        }

        if (claim is { } c && claims >= 1 && (c < 1 || c > claims))
        {
            d.Error(d.Line, "claim", $"claim {c} is not among the document's {claims} claims");
        }

        d.RejectUnknown();
        return new PatentDocument(title, claims, publication, applicant, claim, sourceText);
    }
}
