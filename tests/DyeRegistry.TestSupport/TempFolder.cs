namespace DyeRegistry.TestSupport;

/// <summary>A temporary folder for one test, removed on Dispose; writes files into it.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "dyereg-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the folder; returns its path.</summary>
    public string File(string name, string text)
    {
        var path = Combine(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
