namespace DyeRegistry.Application.Documents;

/// <summary>The paper a chart document is laid out for: ISO A4 (the default) or US Letter.</summary>
public enum ChartPaper
{
    A4,
    Letter,
}

public static class ChartPapers
{
    /// <summary>"a4" or "letter" (any case); null for anything else.</summary>
    public static ChartPaper? Parse(string? text) => text?.ToLowerInvariant() switch
    {
        "a4" => ChartPaper.A4,
        "letter" => ChartPaper.Letter,
        _ => null,
    };

    /// <summary>Width and height in twentieths of a point (Word's page size unit).</summary>
    public static (uint Width, uint Height) Twips(ChartPaper paper) => paper == ChartPaper.Letter ? (12240u, 15840u) : (11906u, 16838u);
}
