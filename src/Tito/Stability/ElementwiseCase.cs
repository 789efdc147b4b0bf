using TinyTorch.Catalog;
using TinyTorch.Core;
using Tito.Checks;

namespace Tito.Stability;

/// <summary>An element-wise activation under the stability check: how to run it, its truth, and its range.</summary>
/// <param name="Name">The column header.</param>
/// <param name="Forward">The activation under test, over a 1-d input.</param>
/// <param name="Expected">The expected value at an input: the limit at ±∞, the double reference elsewhere.</param>
/// <param name="Min">The lowest value the function may return.</param>
/// <param name="Max">The highest.</param>
internal sealed record ElementwiseCase(string Name, Func<float[], float[]> Forward, Func<float, double> Expected, double Min, double Max)
{
    /// <summary>
    /// The inputs every function meets: ±∞, NaN, ±0, the float32 extremes, subnormals, the smallest float
    /// (float.Epsilon, itself subnormal), ±1000, and the points where e^x overflows float32 (x ≈ 88.72) and
    /// where e^(−x) underflows to 0 or stays subnormal (≈ 103.97, 104), and their negatives.
    /// </summary>
    public static readonly float[] Inputs =
    [
        float.NegativeInfinity, float.MinValue, -1000, -104, -103.97f, -89, -88.72f, -1, -1e-40f, -float.Epsilon, -0f,
        0f, float.Epsilon, 1e-40f, 1, 88.72f, 89, 103.97f, 104, 1000, float.MaxValue, float.PositiveInfinity, float.NaN,
    ];

    /// <summary>Every element-wise form in the catalog, each made through the registry so a broken one is caught.</summary>
    public static IReadOnlyList<ElementwiseCase> All(ActivationRegistry r) =>
    [
        .. ActivationCatalog.Variants.Where(v => v.IsElementwise).Select(v => new ElementwiseCase(
            v.Label,
            Through(() => r.Create(v)),
            x => Limit(x, v.AtNegativeInfinity, v.AtPositiveInfinity, v.Reference!),
            v.Minimum,
            v.Maximum)),
    ];

    /// <summary>
    /// The limits come from the catalog entry, not from the reference, so the check states them on its own:
    /// f(−∞) and f(+∞) as the entry declares them, NaN for NaN, the reference in between.
    /// </summary>
    private static double Limit(float x, double atMinusInfinity, double atPlusInfinity, Func<double, double> reference) =>
        float.IsNaN(x) ? double.NaN
        : float.IsNegativeInfinity(x) ? atMinusInfinity
        : float.IsPositiveInfinity(x) ? atPlusInfinity
        : reference(x);

    private static Func<float[], float[]> Through(Func<IActivation> make) => xs => make().Forward(new Tensor(xs, [xs.Length])).ToArray();
}
