namespace DyeRegistry.Chemistry.Tests;

public class ConventionTests
{
    [Fact]
    public void InteropNamespace_HasNoPublicTypes()
    {
        var offenders = typeof(Molecule).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("DyeRegistry.Chemistry.Interop", StringComparison.Ordinal) == true && t.IsVisible)
            .Select(t => t.FullName)
            .ToArray();
        Assert.True(offenders.Length == 0, "public types under Interop: " + string.Join(", ", offenders));
    }

    [Fact]
    public void PublicTypes_DoNotExposeHandles()
    {
        var offenders = typeof(Molecule).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMembers().Select(m => (t, m)))
            .Where(x => x.m is System.Reflection.PropertyInfo p && typeof(System.Runtime.InteropServices.SafeHandle).IsAssignableFrom(p.PropertyType))
            .Select(x => $"{x.t.Name}.{x.m.Name}")
            .ToArray();
        Assert.Empty(offenders);
    }
}
