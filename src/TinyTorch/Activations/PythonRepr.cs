using System.Globalization;

namespace TinyTorch.Core;

/// <summary>Floats written as Python's repr writes them, for module descriptions that read like PyTorch's.</summary>
internal static class PythonRepr
{
    /// <summary>The shortest round-tripping digits, with ".0" on whole numbers and a lower-case exponent: 1 → "1.0",
    /// 1E-05 → "1e-05", ∞ → "inf", NaN → "nan".</summary>
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

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E', StringComparison.Ordinal))
        {
            return text.Replace("E", "e", StringComparison.Ordinal);
        }

        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }
}
