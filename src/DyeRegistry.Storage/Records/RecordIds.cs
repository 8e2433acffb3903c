namespace DyeRegistry.Storage.Records;

/// <summary>
/// What a record id may be: 1 to 100 characters; letters and digits (any script), and the
/// punctuation <c>- _ . : + / # ( ) [ ] , '</c> and single inner spaces. No control characters
/// (NUL, tab, newline, escape), no leading, trailing or repeated spaces. Ids are printed to
/// terminals, typed on command lines, written into SMILES and CSV lines and used as keys: a
/// character that cannot be shown, typed or told apart from a separator makes a record that
/// can never be named again.
/// </summary>
public static class RecordIds
{
    public const int MaxLength = 100;

    public const string Punctuation = "-_.:+/#()[],'";

    /// <summary>Why <paramref name="id"/> is not a valid id, or null when it is.</summary>
    public static string? Problem(string id)
    {
        if (id.Length == 0)
        {
            return "must not be empty";
        }

        if (id.Length > MaxLength)
        {
            return $"is {id.Length} characters long; an id has at most {MaxLength}";
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsLetterOrDigit(c) || Punctuation.Contains(c))
            {
                continue;
            }

            if (c == ' ')
            {
                if (i == 0 || i == id.Length - 1)
                {
                    return "must not start or end with a space";
                }

                if (id[i + 1] == ' ')
                {
                    return $"has two spaces in a row at position {i + 1}";
                }

                continue;
            }

            var shown = char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : $"'{c}' (U+{(int)c:X4})";
            return $"has the character {shown} at position {i + 1}; an id holds letters, digits, single inner spaces and {Punctuation}";
        }

        return null;
    }

    /// <summary>The id as it may be printed in a message: control characters escaped.</summary>
    public static string Printable(string id) =>
        string.Concat(id.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
