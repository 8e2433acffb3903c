namespace DyeRegistry.Claims.Model;

/// <summary>
/// A path to a record field, as claim files write it: a root (<c>medium</c>, <c>ink</c>, or the
/// element a quantifier binds: <c>dye</c>, <c>solvent</c>, <c>polymer</c>, <c>layer</c>) and field
/// names, where <c>layers[first]</c> picks layers by position and <c>layers[first,second]</c>
/// names several (for quantifiers). Immutable.
/// </summary>
public sealed record FieldPath(string Root, IReadOnlyList<PathStep> Steps)
{
    public static readonly IReadOnlyList<string> Roots = ["medium", "ink", "dye", "solvent", "polymer", "layer"];

    /// <summary>The path as written (<c>medium.layers[second].microparticles.material</c>).</summary>
    public string Text => Steps.Count == 0 ? Root : Root + "." + string.Join(".", Steps.Select(s => s.ToString()));

    /// <summary>The path inside its record, without the root (<c>layers[second].microparticles.material</c>).</summary>
    public string FieldText => string.Join(".", Steps.Select(s => s.ToString()));

    public override string ToString() => Text;

    /// <summary>Parses a path; null with a reason when malformed.</summary>
    public static (FieldPath? Path, string? Error) Parse(string text)
    {
        var parts = text.Split('.');
        if (!Roots.Contains(parts[0]))
        {
            return (null, $"a path starts with {string.Join(", ", Roots)}, not '{parts[0]}'");
        }

        var steps = new List<PathStep>();
        foreach (var part in parts.Skip(1))
        {
            var open = part.IndexOf('[');
            if (open < 0)
            {
                if (part.Length == 0)
                {
                    return (null, "empty field name in the path");
                }

                steps.Add(new PathStep(part, []));
                continue;
            }

            if (!part.EndsWith(']') || open == 0)
            {
                return (null, $"'{part}': expected name[position] or name[position,position]");
            }

            var positions = part[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (positions.Length == 0)
            {
                return (null, $"'{part}': no position between the brackets");
            }

            steps.Add(new PathStep(part[..open], positions));
        }

        return (new FieldPath(parts[0], steps), null);
    }
}

/// <summary>One field name, with the positions it selects in a list of layers (empty: no selection).</summary>
public sealed record PathStep(string Name, IReadOnlyList<string> Positions)
{
    public override string ToString() => Positions.Count == 0 ? Name : $"{Name}[{string.Join(",", Positions)}]";
}
