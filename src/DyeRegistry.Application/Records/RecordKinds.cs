using DyeRegistry.Storage.Records;

namespace DyeRegistry.Application.Records;

/// <summary>A kind named by a user (list, export, the API's kind filter).</summary>
public static class RecordKinds
{
    /// <summary>Null for no kind; throws naming the kinds for an unknown one.</summary>
    public static RecordKind? Parse(string? text) =>
        text is null ? null : RecordSchema.ParseKind(text) ?? throw new ArgumentException($"unknown kind '{text}' (dye, solvent, polymer, ink, medium)");
}
