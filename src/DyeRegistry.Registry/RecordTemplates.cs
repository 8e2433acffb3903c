using System.Reflection;

namespace DyeRegistry.Registry;

/// <summary>
/// Complete example records, one per kind (a medium of each kind: with an ink receiving layer of
/// polymer particles, and with layers and production), every field filled: <c>dyereg template
/// KIND</c> prints them, and each imports as it is (the ink with the records it references).
/// Kept as JSON files beside this class (embedded), so they read as the records they show.
/// </summary>
public static class RecordTemplates
{
    /// <summary>The template names, in the order they are listed.</summary>
    public static readonly IReadOnlyList<string> Names = ["dye", "solvent", "polymer", "ink", "medium", "medium-layers"];

    /// <summary>The template's JSON text.</summary>
    public static string Text(string name)
    {
        if (!Names.Contains(name))
        {
            throw new ArgumentException($"no template '{name}' (templates: {string.Join(", ", Names)})");
        }

        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"DyeRegistry.Registry.Templates.{name}.json")
            ?? throw new InvalidOperationException($"template {name} is not embedded in this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
