using System.CommandLine;
using DyeRegistry.Application.Screening;

namespace DyeRegistry.Cli.Commands;

/// <summary>
/// The options of <c>dyereg screen</c> for screening at scale (issue 18), kept apart from the
/// command's own file so that its output options can change independently.
/// </summary>
internal static class ScreenScaleOptions
{
    public static Option<string> Validate() => new("--validate")
    {
        Description = "Which records to prove valid: 'all' (default: every unreadable record is an error) or 'hits' " +
            "(only records that could hold a formula core; the others are counted as not validated; hits and their errors are unchanged).",
        DefaultValueFactory = _ => "all",
    };

    public static ScreenValidation ReadValidation(ParseResult parse, Option<string> option, bool all)
    {
        var value = parse.GetValue(option) ?? "all";
        var validation = value.ToLowerInvariant() switch
        {
            "all" => ScreenValidation.All,
            "hits" => ScreenValidation.Hits,
            _ => throw new ArgumentException($"--validate: expected 'all' or 'hits', not '{value}'"),
        };
        if (validation == ScreenValidation.Hits && all)
        {
            throw new ArgumentException("--validate hits cannot go with --all: --all writes every record, so every record is read in full");
        }

        return validation;
    }

    /// <summary>The summary's line on records not validated, when there were any.</summary>
    public static void SummarizeValidation(ScreenProgress p, TextWriter stderr)
    {
        if (p.NotValidated > 0)
        {
            stderr.WriteLine($"{p.NotValidated} records could hold no formula core and were not validated (--validate hits): invalid ones among them are not in the errors");
        }
    }
}
