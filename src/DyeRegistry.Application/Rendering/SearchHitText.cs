using System.Text.Json.Nodes;
using DyeRegistry.Registry;

namespace DyeRegistry.Application.Rendering;

/// <summary>A search hit as <c>dyereg search</c> prints it (text: tab-separated; jsonl: one object).</summary>
public static class SearchHitText
{
    public static JsonObject Json(SearchHit h)
    {
        var obj = new JsonObject { ["id"] = h.Id, ["smiles"] = h.Smiles };
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
        format == "jsonl" ? Json(h).ToJsonString()
        : h.Similarity is { } t ? FormattableString.Invariant($"{h.Id}\t{h.Smiles}\t{t:F3}")
        : h.Verdict is { } v ? $"{h.Id}\t{h.Smiles}\t{v}" : $"{h.Id}\t{h.Smiles}";
}
