using System.Globalization;

namespace Hotline.Ledger.Http;

/// <summary>
/// What text the ledger accepts, wherever it comes from (a JSON body, a CSV file, a token's claims).
/// NUL cannot be stored by PostgreSQL; the other control characters have no place in a ledger that is
/// printed and exported; invisible characters would let two names that look alike be different people.
/// </summary>
public static class TextRules
{
    /// <summary>The longest identity a token may name (the token command refuses longer ones too).</summary>
    public const int MaxIdentityLength = 100;

    /// <summary>A control character other than tab and line breaks: refused in any text field.</summary>
    public static bool HasControlCharacters(string text) => text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));

    /// <summary>
    /// Why an identity (a user's name, a unit code in a token) is refused, or null: blank, too long, or
    /// holding a control character or an invisible one (zero-width, bidirectional marks, byte-order mark,
    /// line separators, fillers).
    /// </summary>
    public static string? IdentityFault(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "is blank";
        if (value.Length > MaxIdentityLength) return $"holds {value.Length} characters; at most {MaxIdentityLength} are accepted";
        foreach (var c in value)
        {
            if (char.IsControl(c)) return $"holds the control character U+{(int)c:X4}";
            if (Invisible(c)) return $"holds the invisible character U+{(int)c:X4}";
        }

        return value.Trim().Length == value.Length ? null : "begins or ends with white space";
    }

    private static bool Invisible(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        || c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u034F' or '\u2800';
}
