namespace DyeRegistry.Application.Screening;

/// <summary>
/// Which records a screen proves valid. Most records of a catalogue are ruled out by their
/// connectivity alone (they cannot hold any formula's core); proving such a record a valid
/// structure means sanitizing it, which is then most of a run's time.
/// </summary>
public enum ScreenValidation
{
    /// <summary>Every record is proven valid; every unreadable record is in the errors (the default).</summary>
    All,

    /// <summary>Only records that could hold a core are proven valid (<c>--validate hits</c>): hits and
    /// errors among records that could be hits are exactly those of <see cref="All"/>; a record ruled
    /// out by connectivity is counted as not validated, and an invalid one among them is not reported.</summary>
    Hits,
}
