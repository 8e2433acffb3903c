using System.Text.Json.Nodes;
using DyeRegistry.Registry;

namespace DyeRegistry.Application.Rendering;

/// <summary>A search hit as <c>dyereg search</c> prints it (text: tab-separated id, SMILES as
/// drawn, standardized parent, then the score or verdict, then the name; jsonl: one object).</summary>
public static class SearchHitText
{
    /// <summary>The header line of the text format (tab-separated, as the lines).</summary>
    public static string Header(bool similarity, bool verdict) =>
        "id\tsmiles (as drawn)\tparent (searched)" + (similarity ? "\ttanimoto" : string.Empty) + (verdict ? "\tverdict" : string.Empty) + "\tname";

    public static JsonObject Json(SearchHit h)
    {
        var obj = new JsonObject { ["id"] = h.Id, ["smiles"] = h.Smiles };
        if (h.Parent is { } p)
        {
            obj["parent"] = p;
        }

        if (h.Name is { } n)
        {
            obj["name"] = n;
        }

        if (h.Similarity is { } t)
        {
            obj["tanimoto"] = Math.Round(t, 4);
        }

        if (h.Verdict is { } v)
        {
            obj["verdict"] = v;
        }

        return obj;
    }

    public static string Line(SearchHit h, string format) =>
        format == "jsonl" ? Json(h).ToJsonString(JsonText.Compact)
        : string.Join('\t', new[]
        {
            h.Id, h.Smiles, h.Parent ?? string.Empty,
            h.Similarity is { } t ? FormattableString.Invariant($"{t:F3}") : null,
            h.Verdict,
            h.Name ?? string.Empty,
        }.Where(x => x is not null));
}
