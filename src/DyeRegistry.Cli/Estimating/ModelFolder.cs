using DyeRegistry.Markush.Loading;

namespace DyeRegistry.Cli.Estimating;

/// <summary>
/// Where the shipped models are: the same data-folder rule as formulas/ and claims/
/// (<see cref="DataFolder"/>) with $DYEREG_MODELS and the folder models/, found by its
/// solubility.zip.
/// </summary>
internal static class ModelFolder
{
    public const string EnvironmentVariable = "DYEREG_MODELS";
    public const string Name = "models";
    public const string SolubilityFile = "solubility.zip";

    public static string DefaultSolubilityModel() => Path.Combine(DataFolder.Find(EnvironmentVariable, Name, SolubilityFile), SolubilityFile);

    public static string Rule() => DataFolder.Rule("--model", EnvironmentVariable, Name) + $" (the model is {SolubilityFile} in it)";
}
