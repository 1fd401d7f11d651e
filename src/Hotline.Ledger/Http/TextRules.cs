using System.Text;

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
    public static Refusal? IdentityFault(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return new("identity.blank");
        if (value.Length > MaxIdentityLength) return new("identity.tooLong", value.Length, MaxIdentityLength);
        // By code point, so that a rare character outside the BMP (many names use one) is a letter like any other.
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.IsControl(rune)) return new("identity.control", $"U+{rune.Value:X4}");
            if (Invisible(rune)) return new("identity.invisible", $"U+{rune.Value:X4}");
        }

        return value.Trim().Length == value.Length ? null : new Refusal("identity.whitespace");
    }

    // A lone surrogate reads as the replacement character: it is no letter either.
    private static bool Invisible(Rune r) =>
        Rune.GetUnicodeCategory(r) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        || r == Rune.ReplacementChar
        || r.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x034F or 0x2800;
}
