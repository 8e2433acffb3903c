using DyeRegistry.Markush.Model;

namespace DyeRegistry.Markush.Loading;

/// <summary>The words formula files use for provenance.</summary>
public static class ProvenanceText
{
    public static string ToText(Provenance p) => p switch
    {
        Provenance.Read => "read",
        Provenance.Reconstructed => "reconstructed",
        _ => "missing",
    };

    internal static Provenance? Parse(string? text) => text switch
    {
        "read" => Provenance.Read,
        "reconstructed" => Provenance.Reconstructed,
        "missing" => Provenance.Missing,
        _ => null,
    };
}
