using System.Text.Json;

namespace DyeRegistry.Application.Rendering;

/// <summary>The JSON text style of every document dyereg prints: indented, and non-ASCII text
/// (names, notes) left readable rather than \u-escaped.</summary>
public static class JsonText
{
    public static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One line (jsonl): as <see cref="Pretty"/> but unindented; SMILES keep '+' (never \u002B).</summary>
    public static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
