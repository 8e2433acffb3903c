namespace DyeRegistry.Chemistry;

/// <summary>
/// How many of RDKit's costly steps the current thread has asked for: standardizations, tautomer
/// enumerations (a canonical-tautomer step or an explicit enumeration) and Morgan fingerprints. A
/// seam for tests that pin what a code path computes (a solubility estimate at import must take
/// the registry's parent and fingerprint, never enumerate tautomers or fingerprint again), counted
/// rather than timed. Per thread, so work on other threads does not count; a plain increment each.
/// </summary>
public static class ChemistryWorkCounts
{
    [ThreadStatic]
    private static long standardizations;

    [ThreadStatic]
    private static long tautomerEnumerations;

    [ThreadStatic]
    private static long morganFingerprints;

    /// <summary>The current thread's counts so far (subtract two readings for a span of work).</summary>
    public static ChemistryWork Current => new(standardizations, tautomerEnumerations, morganFingerprints);

    internal static void Standardization(bool enumeratesTautomers)
    {
        standardizations++;
        if (enumeratesTautomers)
        {
            tautomerEnumerations++;
        }
    }

    internal static void TautomerEnumeration() => tautomerEnumerations++;

    internal static void MorganFingerprint() => morganFingerprints++;
}

/// <summary>Counts of <see cref="ChemistryWorkCounts"/>, or the difference of two readings.</summary>
public readonly record struct ChemistryWork(long Standardizations, long TautomerEnumerations, long MorganFingerprints)
{
    public static ChemistryWork operator -(ChemistryWork after, ChemistryWork before) => new(
        after.Standardizations - before.Standardizations,
        after.TautomerEnumerations - before.TautomerEnumerations,
        after.MorganFingerprints - before.MorganFingerprints);
}
