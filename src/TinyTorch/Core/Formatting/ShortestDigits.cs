using System.Globalization;

namespace TinyTorch.Core;

/// <summary>
/// The shortest decimal that reads back as the same float: its significant digits and where the decimal
/// point goes. This is what NumPy's printing starts from ("unique" mode of its Dragon4 printer), and what
/// .NET's round-trip float formatting produces.
/// </summary>
/// <param name="Negative">Whether the sign bit is set (so −0 prints as "-0.").</param>
/// <param name="Digits">The significant digits, without leading or trailing zeros ("0" for zero).</param>
/// <param name="Point">How many digits precede the decimal point: the value is 0.Digits × 10^Point.</param>
internal readonly record struct ShortestDigits(bool Negative, string Digits, int Point)
{
    /// <summary>Decomposes a finite <paramref name="value"/>.</summary>
    public static ShortestDigits Of(float value)
    {
        // "R" may come back positional ("123.45", "0.001") or scientific ("1E-05", "1.5E+20"); read both.
        string text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int e = text.IndexOf('E', StringComparison.Ordinal);
        int exponent = e < 0 ? 0 : int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string mantissa = e < 0 ? text : text[..e];
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int point = (dot < 0 ? mantissa.Length : dot) + exponent;

        int leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..].TrimEnd('0');
        return digits.Length == 0
            ? new ShortestDigits(float.IsNegative(value), "0", 1)
            : new ShortestDigits(float.IsNegative(value), digits, point - leading);
    }

    /// <summary>The digits before the point, with the sign ("-12", "0").</summary>
    public string IntegerPart => (Negative ? "-" : "") + (Point <= 0 ? "0" : Point >= Digits.Length ? Digits.PadRight(Point, '0') : Digits[..Point]);

    /// <summary>The digits after the point ("" for an integer).</summary>
    public string FractionPart => Point <= 0 ? new string('0', -Point) + Digits : Point >= Digits.Length ? "" : Digits[Point..];
}
