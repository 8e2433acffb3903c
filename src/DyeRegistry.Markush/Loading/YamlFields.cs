using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DyeRegistry.Markush.Loading;

/// <summary>
/// Typed reads from a YAML mapping that record problems (file, line, field) instead of throwing,
/// and reject unknown keys: a typo ("clases:") must not silently drop a rule.
/// </summary>
public sealed class YamlFields
{
    private readonly YamlMappingNode node;
    private readonly string file;
    private readonly string context;
    private readonly List<DataFileError> errors;
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    public YamlFields(YamlNode node, string file, string context, List<DataFileError> errors)
    {
        this.file = file;
        this.context = context;
        this.errors = errors;
        if (node is YamlMappingNode mapping)
        {
            this.node = mapping;
        }
        else
        {
            this.node = new YamlMappingNode();
            Error(node, context, "expected a mapping of fields (key: value)");
        }
    }

    public int Line => (int)node.Start.Line;

    public YamlNode? Node(string key)
    {
        read.Add(key);
        return node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public string? OptionalString(string key)
    {
        var value = Node(key);
        if (value is null)
        {
            return null;
        }

        if (value is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Error(value, key, "expected a single value");
        return null;
    }

    public string RequiredString(string key)
    {
        var value = OptionalString(key);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (Node(key) is null)
            {
                Error(node, key, "missing (required)");
            }
            else
            {
                Error(Node(key)!, key, "must not be empty");
            }

            return string.Empty;
        }

        return value;
    }

    public int? OptionalInt(string key)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        Error(Node(key)!, key, $"expected a whole number, not '{text}'");
        return null;
    }

    public int RequiredInt(string key)
    {
        var n = OptionalInt(key);
        if (n is null && Node(key) is null)
        {
            Error(node, key, "missing (required)");
        }

        return n ?? 0;
    }

    public bool OptionalBool(string key)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return false;
        }

        if (text is "true" or "false")
        {
            return text == "true";
        }

        Error(Node(key)!, key, $"expected true or false, not '{text}'");
        return false;
    }

    /// <summary>read, reconstructed or missing; null when absent (reported when required) or wrong.</summary>
    public Model.Provenance? Provenance(string key, bool required)
    {
        var text = required ? RequiredString(key) : OptionalString(key);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var p = ProvenanceText.Parse(text);
        if (p is null)
        {
            Error(Node(key)!, key, $"expected read, reconstructed or missing, not '{text}'");
        }

        return p;
    }

    public IReadOnlyList<(string Value, int Line)> StringList(string key, bool required)
    {
        var value = Node(key);
        if (value is null)
        {
            if (required)
            {
                Error(node, key, "missing (required): a list");
            }

            return [];
        }

        if (value is not YamlSequenceNode sequence)
        {
            Error(value, key, "expected a list ([a, b, ...])");
            return [];
        }

        var list = new List<(string, int)>();
        foreach (var item in sequence)
        {
            if (item is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value))
            {
                list.Add((s.Value!, (int)s.Start.Line));
            }
            else
            {
                Error(item, key, "expected a single value in the list");
            }
        }

        return list;
    }

    public IReadOnlyList<YamlNode> NodeList(string key, bool required)
    {
        var value = Node(key);
        if (value is null)
        {
            if (required)
            {
                Error(node, key, "missing (required): a list");
            }

            return [];
        }

        if (value is YamlSequenceNode sequence)
        {
            return sequence.Children.ToList();
        }

        Error(value, key, "expected a list");
        return [];
    }

    /// <summary>Reports every key that no read asked for (after all reads).</summary>
    public void RejectUnknown()
    {
        foreach (var (key, value) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!read.Contains(name))
            {
                Error(key, name, $"unknown field in {context} (known: {string.Join(", ", read.Order())})");
            }
        }
    }

    public void Error(YamlNode at, string field, string message) =>
        errors.Add(new DataFileError(file, (int)at.Start.Line, field, message));

    public void Error(int line, string field, string message) =>
        errors.Add(new DataFileError(file, line, field, message));

    /// <summary>Reads a YAML file whose top level is a mapping; problems (syntax with its line) go to <paramref name="errors"/>.</summary>
    public static YamlMappingNode? ReadDocument(string path, List<DataFileError> errors)
    {
        try
        {
            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                errors.Add(new DataFileError(path, 1, "file", "expected a YAML mapping at the top level"));
                return null;
            }

            return root;
        }
        catch (YamlException e)
        {
            errors.Add(new DataFileError(path, (int)e.Start.Line, "YAML", e.InnerException?.Message ?? e.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (no position) on some malformed input: find the
            // line by reading events until the failure.
            errors.Add(new DataFileError(path, LastGoodLine(path) + 1, "YAML", "malformed YAML at or just after this line (an unclosed bracket or quote?)"));
            return null;
        }
    }

    private static int LastGoodLine(string path)
    {
        var line = 0;
        try
        {
            var parser = new YamlDotNet.Core.Parser(new StringReader(File.ReadAllText(path)));
            while (parser.MoveNext())
            {
                line = (int)parser.Current!.End.Line;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Stopped at the problem: line is the end of the last event read.
        }

        return line;
    }
}
