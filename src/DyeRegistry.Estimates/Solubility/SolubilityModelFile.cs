using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using DyeRegistry.Chemistry;
using Microsoft.ML;

namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// The model file: a zip archive of three entries (docs/models/solubility.md):
/// <c>metadata.json</c> (<see cref="ModelMetadata"/>), <c>model.mlnet.zip</c> (ML.NET's own saved
/// model) and <c>domain.fp</c> (the training fingerprints, each MorganBits/8 bytes, 64-bit words
/// little-endian, one after another). Entries carry a fixed date so that equal contents give equal bytes.
/// </summary>
internal static class SolubilityModelFile
{
    public const string MetadataEntry = "metadata.json";
    public const string ModelEntry = "model.mlnet.zip";
    public const string DomainEntry = "domain.fp";

    private static readonly DateTimeOffset FixedDate = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // "1.0.0+abc", not "1.0.0\u002Babc"
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Save(SolubilityModel model, string path)
    {
        using var file = File.Create(path);
        Save(model, file);
    }

    public static void Save(SolubilityModel model, Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Write(zip, MetadataEntry, s => JsonSerializer.Serialize(s, model.Metadata, Json));
        Write(zip, ModelEntry, s =>
        {
            var schema = model.Ml.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), MlRows.Schema<FeatureRow>(model.FeatureCount)).Schema;
            using var buffer = new MemoryStream(); // ML.NET writes its own zip, which needs to seek
            model.Ml.Model.Save(model.Transformer, schema, buffer);
            buffer.Position = 0;
            WithFixedDates(buffer, s);
        });
        Write(zip, DomainEntry, s =>
        {
            foreach (var fp in model.Domain.Fingerprints)
            {
                s.Write(fp.ToBytes());
            }
        });
    }

    public static SolubilityModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file, path);
    }

    /// <summary>Reads a model file; anything missing or malformed is an error naming <paramref name="name"/>.</summary>
    public static SolubilityModel Load(Stream stream, string name)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var metadata = JsonSerializer.Deserialize<ModelMetadata>(ReadAll(zip, MetadataEntry, name), Json)
                ?? throw new InvalidDataException($"{name}: {MetadataEntry} is empty");
            if (metadata.Format is not (ModelMetadata.CurrentFormat or ModelMetadata.CanonicalTautomerFormat))
            {
                throw new InvalidDataException($"{name}: format '{metadata.Format}', expected '{ModelMetadata.CurrentFormat}' or '{ModelMetadata.CanonicalTautomerFormat}'");
            }

            if (metadata.MorganBits != SolubilityFeaturizer.MorganBits || metadata.MorganRadius != SolubilityFeaturizer.MorganRadius)
            {
                throw new InvalidDataException($"{name}: domain fingerprints are Morgan radius {metadata.MorganRadius}, {metadata.MorganBits} bits; this version computes radius {SolubilityFeaturizer.MorganRadius}, {SolubilityFeaturizer.MorganBits} bits");
            }

            if (metadata.IntervalClassHalfWidths is not { Count: IntervalClasses.Count })
            {
                throw new InvalidDataException($"{name}: {MetadataEntry} has no {IntervalClasses.Count} interval class widths");
            }

            var ml = new MLContext(metadata.Options.Seed);
            var transformer = ml.Model.Load(new MemoryStream(ReadAll(zip, ModelEntry, name)), out _);
            var bytes = ReadAll(zip, DomainEntry, name);
            var size = SolubilityFeaturizer.MorganBits / 8;
            if (bytes.Length % size != 0)
            {
                throw new InvalidDataException($"{name}: {DomainEntry} is {bytes.Length} bytes, not a whole number of {size}-byte fingerprints");
            }

            var fingerprints = Enumerable.Range(0, bytes.Length / size).Select(i => Fingerprint.FromBytes(bytes.AsSpan(i * size, size)));
            return new SolubilityModel(ml, transformer, metadata, new ApplicabilityDomain(fingerprints, metadata.Options.DomainThreshold));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"{name}: not a solubility model file this version reads ({e.Message})", e);
        }
    }

    // ML.NET dates its zip entries with the time of saving; the same entries re-packed with the
    // fixed date make equal models equal files.
    private static void WithFixedDates(Stream mlNetZip, Stream output)
    {
        using var source = new ZipArchive(mlNetZip, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            Write(target, entry.FullName, s =>
            {
                using var e = entry.Open();
                e.CopyTo(s);
            });
        }
    }

    private static void Write(ZipArchive zip, string name, Action<Stream> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedDate;
        using var s = entry.Open();
        write(s);
    }

    private static byte[] ReadAll(ZipArchive zip, string entryName, string name)
    {
        var entry = zip.GetEntry(entryName) ?? throw new InvalidDataException($"{name}: no '{entryName}' in the model file");
        using var s = entry.Open();
        using var copy = new MemoryStream();
        s.CopyTo(copy);
        return copy.ToArray();
    }
}
