using System.Globalization;

namespace TinyTorch.Core;

/// <summary>Floats written as Python's repr writes them, for module descriptions that read like PyTorch's.</summary>
internal static class PythonRepr
{
    /// <summary>
    /// The shortest round-tripping digits laid out by Python's rule: positional for decimal exponents −4 to 15 with
    /// ".0" on whole numbers (1 → "1.0", 3e10 → "30000000000.0"), scientific with a lower-case, two-digit exponent
    /// otherwise (1e-05, 1e+16); ∞ → "inf", NaN → "nan".
    /// </summary>
    /// <param name="value">The value.</param>
    public static string Float(float value)
    {
        if (float.IsNaN(value))
        {
            return "nan";
        }

        if (float.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        // NOTE: .NET's shortest form ("R") switches to an exponent at other magnitudes than Python ("3E+10"), so only
        // its digits and their decimal exponent are taken from it, then laid out again.
        string sign = float.IsNegative(value) ? "-" : string.Empty;
        string shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int eAt = shortest.IndexOf('E', StringComparison.Ordinal);
        int exponent;
        string allDigits;
        if (eAt >= 0)
        {
            exponent = int.Parse(shortest[(eAt + 1)..], CultureInfo.InvariantCulture);
            allDigits = shortest[..eAt].Replace(".", string.Empty, StringComparison.Ordinal);
        }
        else
        {
            int point = shortest.IndexOf('.', StringComparison.Ordinal);
            string integerPart = point >= 0 ? shortest[..point] : shortest;
            allDigits = integerPart + (point >= 0 ? shortest[(point + 1)..] : string.Empty);
            int firstNonZero = allDigits.AsSpan().IndexOfAnyExcept('0');
            exponent = integerPart.Length - 1 - Math.Max(firstNonZero, 0);
        }

        string digits = allDigits.TrimStart('0').TrimEnd('0');
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }

        if (exponent < -4 || exponent >= 16)
        {
            string mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
            return $"{sign}{mantissa}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}";
        }

        if (exponent < 0)
        {
            return sign + "0." + new string('0', -exponent - 1) + digits;
        }

        return digits.Length <= exponent + 1
            ? sign + digits + new string('0', exponent + 1 - digits.Length) + ".0"
            : sign + digits[..(exponent + 1)] + "." + digits[(exponent + 1)..];
    }
}
