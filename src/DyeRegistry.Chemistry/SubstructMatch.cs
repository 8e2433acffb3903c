namespace DyeRegistry.Chemistry;

/// <summary>One embedding of a query in a molecule.</summary>
/// <param name="TargetAtoms">For query atom q, the index of the molecule atom it maps to.</param>
public sealed record SubstructMatch(IReadOnlyList<int> TargetAtoms)
{
    /// <summary>The molecule atom that query atom <paramref name="queryAtom"/> maps to.</summary>
    public int this[int queryAtom] => TargetAtoms[queryAtom];
}
