namespace DyeRegistry.Markush.Model;

/// <summary>The substituent classes of one vocabulary file, by id. Immutable.</summary>
public sealed class SubstituentVocabulary
{
    public SubstituentVocabulary(string id, int version, Provenance provenance, string source, string file, IReadOnlyList<SubstituentClass> classes)
    {
        Id = id;
        Version = version;
        Provenance = provenance;
        Source = source;
        File = file;
        Classes = classes;
        ById = classes.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public string Id { get; }

    public int Version { get; }

    public Provenance Provenance { get; }

    public string Source { get; }

    /// <summary>The patent document (and claim) whose words the classes encode; null only for a
    /// vocabulary built in code.</summary>
    public PatentDocument? Document { get; init; }

    /// <summary>The file it was read from.</summary>
    public string File { get; }

    public IReadOnlyList<SubstituentClass> Classes { get; }

    public IReadOnlyDictionary<string, SubstituentClass> ById { get; }
}
