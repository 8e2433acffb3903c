using DyeRegistry.Chemistry;

namespace DyeRegistry.Server.Web;

/// <summary>A structure as a page receives it: drawn (the editor's V3000 molfile), pasted (SMILES
/// or a molfile) or uploaded (a .mol file), read by RDKit under the server's size limits.</summary>
internal static class StructureInput
{
    /// <summary>True when the text is a molfile rather than a SMILES.</summary>
    public static bool IsMolfile(string text) => text.Contains("M  END", StringComparison.Ordinal) || text.Trim().Contains('\n');

    /// <summary>The molecule, or the reason it cannot be read (naming what was given).</summary>
    public static (Molecule? Molecule, string? Error) Read(string text, StructureLimits limits, string field)
    {
        var options = new MoleculeParseOptions { Limits = limits };
        var molfile = IsMolfile(text);
        var parsed = molfile ? Molecule.ParseMolBlock(text, options) : Molecule.ParseSmiles(text.Trim(), options);
        if (!parsed.Success)
        {
            return (null, $"{field}: the {(molfile ? "molfile" : "SMILES")} cannot be read: {parsed.Error!.Message}");
        }

        if (parsed.Value!.AtomCount == 0)
        {
            parsed.Value.Dispose();
            return (null, $"{field}: the structure is empty");
        }

        return (parsed.Value, null);
    }

    /// <summary>The first of the drawn, pasted and uploaded structures that was given.</summary>
    public static async Task<string?> FromFormAsync(IFormCollection form)
    {
        // Not trimmed: a molfile's first line (its name) may be blank, and the lines count.
        if (form["drawn"].ToString() is { Length: > 0 } drawn && !string.IsNullOrWhiteSpace(drawn))
        {
            return drawn;
        }

        if (form["structure"].ToString() is { Length: > 0 } pasted && !string.IsNullOrWhiteSpace(pasted))
        {
            return pasted;
        }

        if (form.Files.GetFile("upload") is { Length: > 0 } file)
        {
            using var reader = new StreamReader(file.OpenReadStream());
            return await reader.ReadToEndAsync();
        }

        return null;
    }
}
