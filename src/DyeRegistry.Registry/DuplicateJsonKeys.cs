using System.Text;
using System.Text.Json;

namespace DyeRegistry.Registry;

/// <summary>
/// Finds the first key that appears twice in one JSON object, with its line, the record (element of
/// the top-level array) and the field path. A record file with a repeated key is refused, never
/// read "last one wins": which of two ids or two thicknesses was meant cannot be known.
/// </summary>
internal static class DuplicateJsonKeys
{
    public sealed record Duplicate(int Line, int Record, string Path);

    /// <summary>The first repeated key, or null when there is none (or the JSON is malformed:
    /// the parser reports that with its own location).</summary>
    public static Duplicate? Find(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
        var objects = new Stack<(HashSet<string> Keys, string Path)>();
        var containers = new Stack<(bool IsArray, int Index, string Path)>();
        string? pendingName = null;
        var record = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        var (keys, path) = objects.Peek();
                        if (!keys.Add(name))
                        {
                            return new Duplicate(LineOf(utf8, reader.TokenStartIndex), record, Join(path, name));
                        }

                        pendingName = name;
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var here = ChildPath(containers, objects, pendingName);
                        if (containers.Count == 1 && containers.Peek().IsArray)
                        {
                            record = containers.Peek().Index + 1;
                        }
                        else if (containers.Count == 0 && reader.TokenType == JsonTokenType.StartObject)
                        {
                            record = 1;
                        }

                        Advance(containers);
                        containers.Push((reader.TokenType == JsonTokenType.StartArray, 0, here));
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            objects.Push((new HashSet<string>(StringComparer.Ordinal), here));
                        }

                        break;
                    case JsonTokenType.EndObject:
                        objects.Pop();
                        containers.Pop();
                        break;
                    case JsonTokenType.EndArray:
                        containers.Pop();
                        break;
                    default:
                        Advance(containers);
                        break;
                }

                pendingName = null;
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static string ChildPath(Stack<(bool IsArray, int Index, string Path)> containers, Stack<(HashSet<string> Keys, string Path)> objects, string? name)
    {
        if (containers.Count == 0)
        {
            return string.Empty;
        }

        var (isArray, index, path) = containers.Peek();
        // The top-level array's elements are records: their paths start afresh.
        return isArray ? (containers.Count == 1 ? string.Empty : $"{path}[{index}]") : Join(objects.Peek().Path, name ?? "?");
    }

    private static void Advance(Stack<(bool IsArray, int Index, string Path)> containers)
    {
        if (containers.Count > 0 && containers.Peek().IsArray)
        {
            var top = containers.Pop();
            containers.Push(top with { Index = top.Index + 1 });
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static int LineOf(byte[] utf8, long offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }
}
