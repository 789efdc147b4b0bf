using System.Globalization;

namespace TinyTorch.Core;

/// <summary>
/// How every element of one printed tensor is written: NumPy's default float style, chosen once for all
/// the elements shown so that the columns line up.
/// </summary>
/// <remarks>
/// NumPy's rules (its <c>FloatingFormat</c> with precision 8 and floatmode "maxprec"):
/// <list type="bullet">
/// <item>Scientific notation if a nonzero |x| is ≥ 1e8 or &lt; 1e-4, or the largest is more than 1000 times
/// the smallest; otherwise positional.</item>
/// <item>Positional: each value in its shortest round-trip digits, at most 8 after the point, with the point
/// always shown ("2." for an integer). Integer parts are right-aligned and fractions left-aligned, padded
/// with spaces: [0.5, 0.25] prints as "0.5 " and "0.25".</item>
/// <item>Scientific: every mantissa gets the same number of digits (zeros appended), exponents at least 2
/// digits: "1.0e-05", "1.5e+00".</item>
/// <item>nan, inf and -inf are right-aligned in the same width.</item>
/// </list>
/// </remarks>
internal sealed class ElementFormat
{
    private const int MaxFractionDigits = 8;

    private readonly bool _scientific;
    private readonly int _padLeft;
    private readonly int _padRight;      // positional: fraction width; scientific: fraction digits
    private readonly int _exponentDigits;

    private ElementFormat(bool scientific, int padLeft, int padRight, int exponentDigits)
    {
        _scientific = scientific;
        _padLeft = padLeft;
        _padRight = padRight;
        _exponentDigits = exponentDigits;
    }

    /// <summary>The format that fits all of <paramref name="shown"/>, the elements that will be printed.</summary>
    public static ElementFormat For(IReadOnlyList<float> shown)
    {
        float maxAbs = 0, minAbs = float.PositiveInfinity;
        bool anyNonFinite = false, negativeInfinity = false;
        foreach (float x in shown)
        {
            if (!float.IsFinite(x))
            {
                anyNonFinite = true;
                negativeInfinity |= float.IsNegativeInfinity(x);
            }
            else if (x != 0)
            {
                maxAbs = Math.Max(maxAbs, Math.Abs(x));
                minAbs = Math.Min(minAbs, Math.Abs(x));
            }
        }

        bool scientific = maxAbs > 0 && (maxAbs >= 1e8f || minAbs < 1e-4f || maxAbs / minAbs > 1000f);
        int padLeft = 0, padRight = 0, exponentDigits = 0;
        foreach (float x in shown.Where(float.IsFinite))
        {
            ShortestDigits d = ShortestDigits.Of(x);
            if (scientific)
            {
                padLeft = Math.Max(padLeft, d.Negative ? 2 : 1);
                padRight = Math.Max(padRight, d.Digits.Length - 1);
                exponentDigits = Math.Max(exponentDigits, Math.Max(2, Math.Abs(d.Point - 1).ToString(CultureInfo.InvariantCulture).Length));
            }
            else
            {
                (string integer, string fraction) = Positional(x, d);
                padLeft = Math.Max(padLeft, integer.Length);
                padRight = Math.Max(padRight, fraction.Length);
            }
        }

        if (anyNonFinite)
        {
            // "nan", "inf" or "-inf" must fit in the width the numbers take: integer part, point, fraction
            // (and in scientific notation "e", the exponent's sign and its digits).
            int width = 1 + padRight + (scientific ? 2 + exponentDigits : 0);
            padLeft = Math.Max(padLeft, (negativeInfinity ? 4 : 3) - width);
        }

        return new ElementFormat(scientific, padLeft, padRight, exponentDigits);
    }

    /// <summary>Writes one element in this format.</summary>
    public string Format(float x)
    {
        if (!float.IsFinite(x))
        {
            string word = float.IsNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
            int width = _padLeft + 1 + _padRight + (_scientific ? 2 + _exponentDigits : 0);
            return word.PadLeft(width);
        }

        ShortestDigits d = ShortestDigits.Of(x);
        if (_scientific)
        {
            string sign = d.Negative ? "-" : "";
            string fraction = d.Digits[1..].PadRight(_padRight, '0');
            int exponent = d.Digits == "0" ? 0 : d.Point - 1;
            string power = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(_exponentDigits, '0');
            return $"{(sign + d.Digits[0]).PadLeft(_padLeft)}.{fraction}e{(exponent < 0 ? '-' : '+')}{power}";
        }

        (string integer, string frac) = Positional(x, d);
        return $"{integer.PadLeft(_padLeft)}.{frac.PadRight(_padRight)}";
    }

    /// <summary>The integer and fraction parts in positional notation, at most 8 fraction digits.</summary>
    private static (string Integer, string Fraction) Positional(float x, ShortestDigits d)
    {
        string fraction = d.FractionPart;
        if (fraction.Length <= MaxFractionDigits)
        {
            return (d.IntegerPart, fraction);
        }

        // Too many digits to show: round the exact value (a float widens to double exactly) to 8 places,
        // then drop the zeros rounding left at the end, as NumPy does.
        string rounded = ((double)x).ToString("F8", CultureInfo.InvariantCulture);
        int dot = rounded.IndexOf('.', StringComparison.Ordinal);
        return (rounded[..dot], rounded[(dot + 1)..].TrimEnd('0'));
    }
}
