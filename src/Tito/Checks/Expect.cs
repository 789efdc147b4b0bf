using System.Globalization;
using TinyTorch.Core;

namespace Tito.Checks;

/// <summary>The assertions the property checks use; each failure carries expected, got and a hint.</summary>
internal static class Expect
{
    /// <summary>Fails unless <paramref name="condition"/> holds.</summary>
    public static void That(bool condition, string expected, Func<string> actual, string hint)
    {
        if (!condition)
        {
            throw new CheckFailedException(expected, actual(), hint);
        }
    }

    /// <summary>Fails unless every element is within <paramref name="tolerance"/> of the expected one (NaN matches NaN).</summary>
    public static void Close(float[] actual, double[] expected, double tolerance, string hint)
    {
        bool ok = actual.Length == expected.Length;
        for (int i = 0; ok && i < actual.Length; i++)
        {
            ok = double.IsNaN(expected[i])
                ? float.IsNaN(actual[i])
                : actual[i] == expected[i] || Math.Abs(actual[i] - expected[i]) <= tolerance;
        }

        That(ok, $"{Format(expected)} (within {tolerance:G3})", () => Format(actual), hint);
    }

    /// <summary>Fails unless the tensor has exactly the given shape.</summary>
    public static void Shape(Tensor t, int[] shape, string hint)
    {
        string want = Format(shape);
        string got = t.ShapeString;
        That(got == want, $"shape {want}", () => $"shape {got}", hint);
    }

    /// <summary>Fails if any element is NaN or infinite.</summary>
    public static void Finite(float[] values, string hint) =>
        That(Array.TrueForAll(values, float.IsFinite), "only finite values (no NaN, no ∞)", () => Format(values), hint);

    /// <summary>The exception <paramref name="action"/> throws, or null: for checks of what a bad call says.</summary>
    /// <param name="action">The call expected to throw.</param>
    /// <returns>The exception, or null if none was thrown.</returns>
    public static Exception? Thrown(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>A float as a learner would write it: shortest round-trip form.</summary>
    public static string Format(double v) => v.ToString("G9", CultureInfo.InvariantCulture);

    /// <summary>A list of numbers in brackets.</summary>
    public static string Format(IEnumerable<float> values) => "[" + string.Join(", ", values.Select(v => Format(v))) + "]";

    /// <summary>A list of numbers in brackets.</summary>
    public static string Format(IEnumerable<double> values) => "[" + string.Join(", ", values.Select(Format)) + "]";

    private static string Format(int[] shape) => shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
}
