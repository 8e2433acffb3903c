using System.Text.Json;

namespace DyeRegistry.Chemistry;

/// <summary>What to do with counter-ions and other disconnected fragments.</summary>
public enum FragmentHandling
{
    /// <summary>Keep every fragment as drawn.</summary>
    None,

    /// <summary>Remove RDKit's list of known salts and solvents (Na+, Cl-, water, ...).</summary>
    Salts,

    /// <summary>Salts, then the parent: the largest organic fragment, or with
    /// <see cref="StandardizationOptions.KeepMetalIons"/> a metal complex whole (see there).</summary>
    Parent,
}

/// <summary>
/// Standardization steps, each separately chosen, run in this order: cleanup, fragments, metal
/// disconnection, neutralization, canonical tautomer. Immutable.
/// </summary>
/// <remarks>
/// Cleanup here is RDKit's normalizer and reionizer without its metal disconnector (RDKit's own
/// <c>cleanup</c> breaks metal bonds before the salts are stripped, so the freed oxo or chloro
/// ligand of a VO or AlCl phthalocyanine would go with them); metal bonds are broken only with
/// <see cref="DisconnectMetals"/>, after the fragment step.
/// </remarks>
public sealed record StandardizationOptions
{
    /// <summary>Cleanup, parent fragment (metal complexes whole), neutralize, canonical tautomer.
    /// The registry adds metal disconnection and heteroatom-only tautomers
    /// (<c>DyeChemistry.Standardization</c>).</summary>
    public static StandardizationOptions Registration { get; } = new()
    {
        Cleanup = true,
        Fragments = FragmentHandling.Parent,
        Neutralize = true,
        CanonicalTautomer = true,
    };

    /// <summary>Remove explicit H, apply RDKit's normalization transforms, reionize.</summary>
    public bool Cleanup { get; init; }

    /// <summary>RDKit's metal disconnector: breaks metal-to-N/O/S/halogen bonds (and transition
    /// metal-to-C). A metal drawn with a negative charge (an anionic complex, [Cr-] with dative
    /// N->Cr bonds) gets the total charge kept, which RDKit 2022.09 loses; otherwise RDKit's
    /// charges stand (a metal's charge drawn as its oxidation state, N+ donors drawn for
    /// valence). Runs after the fragment step, so freed axial ligands (oxo, chloro) stay in the
    /// parent. Off by default.</summary>
    public bool DisconnectMetals { get; init; }

    public FragmentHandling Fragments { get; init; } = FragmentHandling.None;

    /// <summary>With <see cref="FragmentHandling.Parent"/>, keep a metal complex whole, however it
    /// is drawn (default true). False: the largest organic fragment only.</summary>
    /// <remarks>
    /// The rule (the registry's parent and <c>dyereg match</c>'s both use it). A record is a
    /// complex when it holds a complex-forming metal (any metal but the alkali and alkaline-earth
    /// metals and the metalloids B, Si, Ge, As, Sb, Te: Cr, Co, Fe, Cu, Ni, Mn, Zn, Ti, V, Al, Ga,
    /// In, Sn, Pb, Bi, ...) either bonded inside an organic fragment, or as a lone ion beside at
    /// least one ligand. A ligand is an organic fragment that is an anion, or is neutral (a
    /// zwitterion included) and carries a carbanion (cyclopentadienide) or can chelate: two donor
    /// atoms (hydroxy/oxido/carbonyl O, a N that is not positively charged, an S without O) three
    /// or four bonds apart, closing a 5- or 6-membered ring with the metal (o,o'-dihydroxy azo,
    /// o-hydroxy-o'-carboxy azo, formazan, salicylate, 8-hydroxyquinoline, phthalocyanine N4).
    /// The parent of a complex is every metal-bearing organic fragment, every ligand and every
    /// lone complex-forming metal ion, each as often as drawn (a 1:2 complex keeps both ligands;
    /// Zn2+ and Al3+ are kept although RDKit's salt list names them). Set aside and reported:
    /// alkali, alkaline-earth and ammonium ions, organic cations (amine salts, cationic dyes),
    /// neutral organics and zwitterions that cannot chelate (the rhodamine of a rhodamine salt of
    /// a 1:2 complex), inorganic anions, water, the acids and solvents of RDKit's salt list. A
    /// metal ion with no ligand beside it (a cationic dye with ZnCl2) is no complex: the largest
    /// organic fragment is the parent, with the lone complex-forming metal ions the salt list
    /// keeps.
    /// </remarks>
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
