using System.Globalization;

namespace DyeRegistry.Chemistry;

/// <summary>
/// What can be known of a structure text in one pass over its characters, before RDKit sees
/// it: characters that cannot belong to it, how deep SMILES branches nest, and upper bounds of
/// atoms, bonds and rings. Not a parser: the bounds only decide whether RDKit must count exactly
/// (<see cref="Molecule"/> does, without sanitizing) before a full parse is allowed.
/// </summary>
internal readonly record struct StructureTextScan(int Length, int BranchDepth, long AtomsAtMost, long BondsAtMost, long RingsAtMost, string? BadCharacter)
{
    /// <summary>
    /// A SMILES: outside brackets every atom starts with a letter other than the second letter of
    /// Cl and Br, or '*'; each bracket is one atom; each ring closure has two labels (a digit,
    /// %nn or %(n)), and rings and bonds beyond a spanning tree are ring closures.
    /// </summary>
    public static StructureTextScan OfSmiles(string text)
    {
        long atoms = 0, labels = 0;
        int depth = 0, deepest = 0;
        var inBracket = false;
        var bracketStart = 0;
        string? bad = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' || c > '~')
            {
                bad ??= Describe(c, i);
                continue;
            }

            if (inBracket)
            {
                if (c == ']')
                {
                    inBracket = false;
                    bad ??= OutOfRange(text.AsSpan(bracketStart, i - bracketStart), bracketStart);
                }

                continue;
            }

            switch (c)
            {
                case '[':
                    atoms++;
                    inBracket = true;
                    bracketStart = i + 1;
                    break;
                case '(':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case ')':
                    depth--;
                    break;
                case '%':
                    labels++;
                    if (i + 1 < text.Length && text[i + 1] == '(')
                    {
                        var close = text.IndexOf(')', i + 1);
                        i = close < 0 ? text.Length : close;
                    }
                    else
                    {
                        i += Math.Min(2, text.Length - 1 - i);
                    }

                    break;
                case >= '0' and <= '9':
                    labels++;
                    break;
                case '*':
                    atoms++;
                    break;
                case >= 'A' and <= 'Z':
                case >= 'a' and <= 'z' when c is not 'l' and not 'r':
                    atoms++;
                    break;
            }
        }

        var closures = labels / 2;
        return new StructureTextScan(text.Length, deepest, atoms, atoms + closures, closures, bad);
    }

    // RDKit 2022.09 keeps an isotope in 16 bits and a charge in 8 without saying so ([999999C]
    // becomes [16959C], [C+999] becomes [C-25]): numbers past what any element has are refused.
    private static string? OutOfRange(ReadOnlySpan<char> bracket, int start)
    {
        var digits = 0;
        while (digits < bracket.Length && char.IsAsciiDigit(bracket[digits]))
        {
            digits++;
        }

        if (digits > 3)
        {
            return FormattableString.Invariant($"an isotope of {digits} digits at position {start + 1} (at most 999)");
        }

        var sign = bracket.IndexOfAny('+', '-');
        if (sign < 0)
        {
            return null;
        }

        var rest = bracket[(sign + 1)..];
        var magnitude = 0L;
        var n = 0;
        while (n < rest.Length && char.IsAsciiDigit(rest[n]) && magnitude <= 99)
        {
            magnitude = (magnitude * 10) + (rest[n] - '0');
            n++;
        }

        if (n == 0)
        {
            magnitude = 1;
            while (n < rest.Length && rest[n] == bracket[sign])
            {
                magnitude++;
                n++;
            }
        }

        return magnitude > 15 ? FormattableString.Invariant($"a charge of {bracket[sign]}{magnitude}{(magnitude > 99 ? " or more" : string.Empty)} at position {start + sign + 1} (at most 15)") : null;
    }

    /// <summary>
    /// A molfile block: atoms and bonds from its counts line (V2000) or its "M  V30 COUNTS" line
    /// (V3000), rings at most the bonds; unknown (no bound) when the counts cannot be read, which
    /// RDKit then reports.
    /// </summary>
    public static StructureTextScan OfMolBlock(string text)
    {
        string? bad = null;
        for (var i = 0; i < text.Length && bad is null; i++)
        {
            var c = text[i];
            if ((c < ' ' && c is not '\n' and not '\r' and not '\t') || c == '\x7f' || c == '\uFFFD')
            {
                bad = Describe(c, i);
            }
        }

        var (atoms, bonds) = Counts(text);
        return new StructureTextScan(text.Length, 0, atoms, bonds, bonds, bad);
    }

    /// <summary>
    /// The counts a molfile line declares, when it is the counts line (the block's fourth line,
    /// V2000) or a V3000 "M  V30 COUNTS" line, against the limits: the reason when over, else null.
    /// </summary>
    public static string? CountsOver(string line, int lineInBlock, StructureLimits limits)
    {
        long atoms, bonds;
        if (lineInBlock == 4 && !line.TrimEnd().EndsWith("V3000", StringComparison.Ordinal))
        {
            if (line.Length < 6 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.AllowLeadingWhite, CultureInfo.InvariantCulture, out var a)
                || !int.TryParse(line.AsSpan(3, 3), NumberStyles.AllowLeadingWhite, CultureInfo.InvariantCulture, out var b))
            {
                return null; // RDKit reports a bad counts line in its own words
            }

            (atoms, bonds) = (a, b);
        }
        else if (lineInBlock > 4 && line.StartsWith("M  V30 COUNTS", StringComparison.Ordinal))
        {
            var fields = line[13..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2 || !long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out atoms) || !long.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out bonds))
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        return atoms > limits.MaxAtoms ? "counts line: " + StructureLimits.Over("record", atoms, limits.MaxAtoms, "--max-atoms")
            : bonds > limits.MaxBonds ? "counts line: " + StructureLimits.Over("record", bonds, limits.MaxBonds, "--max-bonds")
            : null;
    }

    /// <summary>The first limit this text is certainly over, or null (also when only exact counting can tell).</summary>
    public ChemistryException? CertainlyOver(StructureLimits limits, bool smiles)
    {
        if (BadCharacter is not null)
        {
            return new ChemistryException(ChemistryErrorCode.InvalidStructure, (smiles ? "SMILES" : "molfile") + " contains " + BadCharacter);
        }

        if (smiles && Length > limits.MaxLineLength)
        {
            return StructureLimits.Exceeded("SMILES", Length, limits.MaxLineLength, "--max-line-length");
        }

        if (BranchDepth > limits.MaxBranchDepth)
        {
            return StructureLimits.Exceeded("structure", BranchDepth, limits.MaxBranchDepth, "--max-branch-depth");
        }

        // In a SMILES every atom is one token (an organic-subset symbol, '*' or a bracket), so the
        // token count is what RDKit would count for any SMILES it can read: over the limit, RDKit
        // need not be asked (its unsanitized read of 10,000 atoms with reused ring labels takes
        // half a second).
        return smiles && AtomsAtMost > limits.MaxAtoms ? StructureLimits.Exceeded("structure", AtomsAtMost, limits.MaxAtoms, "--max-atoms") : null;
    }

    /// <summary>Whether a bound is over a limit, so that RDKit must count before the full parse.</summary>
    public bool MayBeOver(StructureLimits limits) =>
        AtomsAtMost > limits.MaxAtoms || BondsAtMost > limits.MaxBonds || RingsAtMost > limits.MaxRings;

    /// <summary>The first limit exact counts are over, or null.</summary>
    public static ChemistryException? Over(StructureLimits limits, long atoms, long bonds, long rings) =>
        atoms > limits.MaxAtoms ? StructureLimits.Exceeded("structure", atoms, limits.MaxAtoms, "--max-atoms")
        : bonds > limits.MaxBonds ? StructureLimits.Exceeded("structure", bonds, limits.MaxBonds, "--max-bonds")
        : rings > limits.MaxRings ? StructureLimits.Exceeded("structure", rings, limits.MaxRings, "--max-rings")
        : null;

    /// <summary>
    /// What is wrong with a line of a structure file as text: a control character (tab aside; a
    /// NUL would end the structure early on its way to RDKit) or bytes that were not UTF-8
    /// (decoded as U+FFFD). Null when nothing is.
    /// </summary>
    public static string? BadCharacterInLine(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if ((c < ' ' && c != '\t') || c == '\x7f' || (c >= '\x80' && c <= '\x9f') || c == '\uFFFD')
            {
                return Describe(c, i);
            }
        }

        return null;
    }

    /// <summary>"a control character (U+0000) at position 5" and the like, for messages.</summary>
    public static string Describe(char c, int index) => c switch
    {
        '\uFFFD' => FormattableString.Invariant($"bytes that are not valid UTF-8 (shown as U+FFFD) at position {index + 1}"),
        < ' ' or '\x7f' or (>= '\x80' and <= '\x9f') => FormattableString.Invariant($"a control character (U+{(int)c:X4}) at position {index + 1}"),
        _ => FormattableString.Invariant($"a character that cannot be in a SMILES (U+{(int)c:X4}) at position {index + 1}"),
    };

    private static (long Atoms, long Bonds) Counts(string text)
    {
        const long Unknown = 0;
        var lines = text.Split('\n', 5);
        if (lines.Length < 4)
        {
            return (Unknown, Unknown);
        }

        var counts = lines[3].TrimEnd('\r');
        if (counts.TrimEnd().EndsWith("V3000", StringComparison.Ordinal))
        {
            var at = text.IndexOf("M  V30 COUNTS", StringComparison.Ordinal);
            if (at < 0)
            {
                return (Unknown, Unknown);
            }

            var end = text.IndexOf('\n', at);
            var fields = text[(at + 13)..(end < 0 ? text.Length : end)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length >= 2 && long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) && long.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var b)
                ? (a, b)
                : (Unknown, Unknown);
        }

        return counts.Length >= 6 && int.TryParse(counts.AsSpan(0, 3), NumberStyles.AllowLeadingWhite, CultureInfo.InvariantCulture, out var n)
            && int.TryParse(counts.AsSpan(3, 3), NumberStyles.AllowLeadingWhite, CultureInfo.InvariantCulture, out var m)
            ? (n, m)
            : (Unknown, Unknown);
    }
}
