namespace DyeRegistry.Markush.Model;

/// <summary>One drawing of a formula's skeleton (B1 = C or N, A = NR5R6 or OH ...), as SMARTS
/// whose mapped atoms ([c:3]) are the slot atoms.</summary>
public sealed record CoreVariant(string Id, string Smarts, int Line);
