using System.Text.Json;

namespace DyeRegistry.Chemistry;

/// <summary>What to do with counter-ions and other disconnected fragments.</summary>
public enum FragmentHandling
{
    /// <summary>Keep every fragment as drawn.</summary>
    None,

    /// <summary>Remove RDKit's list of known salts and solvents (Na+, Cl-, water, ...).</summary>
    Salts,

    /// <summary>Salts, then keep only the largest organic fragment (and lone metal ions when
    /// <see cref="StandardizationOptions.KeepMetalIons"/>).</summary>
    Parent,
}

/// <summary>
/// Standardization steps, each separately chosen, run in this order: cleanup, metal
/// disconnection, fragments, neutralization, canonical tautomer. Immutable.
/// </summary>
/// <remarks>
/// Metal complexes keep their metal unless <see cref="DisconnectMetals"/> is set: cleanup here is
/// RDKit's normalizer and reionizer without its metal disconnector (RDKit's own
/// <c>cleanup</c> would break a copper phthalocyanine apart).
/// </remarks>
public sealed record StandardizationOptions
{
    /// <summary>The registry's default: cleanup, parent fragment (metals kept), neutralize,
    /// canonical tautomer.</summary>
    public static StandardizationOptions Registration { get; } = new()
    {
        Cleanup = true,
        Fragments = FragmentHandling.Parent,
        Neutralize = true,
        CanonicalTautomer = true,
    };

    /// <summary>Remove explicit H, apply RDKit's normalization transforms, reionize.</summary>
    public bool Cleanup { get; init; }

    /// <summary>RDKit's metal disconnector: breaks metal-to-N/O bonds. Off by default.</summary>
    public bool DisconnectMetals { get; init; }

    public FragmentHandling Fragments { get; init; } = FragmentHandling.None;

    /// <summary>With <see cref="FragmentHandling.Parent"/>, keep lone metal ions (the metal of an
    /// ionically drawn complex). Default true.</summary>
    public bool KeepMetalIons { get; init; } = true;

    /// <summary>Neutralize acids and bases where RDKit's uncharger can (keeps balanced zwitterions).</summary>
    public bool Neutralize { get; init; }

    /// <summary>Replace the structure by RDKit's canonical tautomer (costly: about 7 ms a molecule).</summary>
    public bool CanonicalTautomer { get; init; }

    /// <summary>Upper bound on tautomers considered for <see cref="CanonicalTautomer"/>. Default 1000.</summary>
    public int MaxTautomers { get; init; } = 1000;

    /// <summary>For <see cref="CanonicalTautomer"/>: use only RDKit's heteroatom H-shift transforms
    /// (hydrogen moves between heteroatoms, as the Markush readings count tautomers). Default false:
    /// all of RDKit's transforms.</summary>
    public bool HeteroatomTautomersOnly { get; init; }

    internal string ToJson() => JsonSerializer.Serialize(new
    {
        cleanup = Cleanup,
        disconnectMetals = DisconnectMetals,
        fragments = Fragments switch
        {
            FragmentHandling.None => "none",
            FragmentHandling.Salts => "salts",
            _ => "parent",
        },
        keepMetalIons = KeepMetalIons,
        neutralize = Neutralize,
        canonicalTautomer = CanonicalTautomer,
        maxTautomers = MaxTautomers,
        tautomerRules = HeteroatomTautomersOnly ? "heteroatom" : "all",
    });
}
