namespace DyeRegistry.Markush.Matching;

/// <summary>
/// One slot of one embedding: what sits there, every class it belongs to and whether one of them
/// is allowed.
/// </summary>
/// <param name="Slot">The slot id (R1, A, P5 ...).</param>
/// <param name="State">Substituent, hydrogen or absent.</param>
/// <param name="Classes">Every class of the substituent (empty: unclassified); ["hydrogen"] for hydrogen.</param>
/// <param name="AllowedAs">The allowed class that admits it, or null when none does (a violation).</param>
/// <param name="SubstituentSmiles">The substituent with * at the attachment (and at ring closures to the core), or null.</param>
/// <param name="Atoms">Its atoms in the matched molecule.</param>
/// <param name="CoreAtom">The core atom that bears the slot.</param>
/// <param name="AttachmentAtom">a0, the substituent atom bonded to the core atom; -1 when none.</param>
public sealed record SlotValue(
    string Slot,
    SlotState State,
    IReadOnlyList<string> Classes,
    string? AllowedAs,
    string? SubstituentSmiles,
    IReadOnlyList<int> Atoms,
    int CoreAtom,
    int AttachmentAtom = -1)
{
    public bool Allowed => State == SlotState.Absent || AllowedAs is not null;
}
