using System.Globalization;

namespace Tito.Plotting;

/// <summary>
/// Round tick values for an axis (steps of 1, 2 or 5 times a power of ten) and their labels: as short as
/// possible, always distinct, fixed-point for ordinary ranges and scientific (2e5, 1.2e30, 2e-7) where
/// fixed-point would be long.
/// </summary>
internal static class AxisTicks
{
    /// <summary>About <paramref name="target"/> round values covering [lo, hi].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty, reversed or not finite (callers refuse those first).</exception>
    public static IReadOnlyList<double> For(double lo, double hi, int target = 6)
    {
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || !(lo < hi) || !double.IsFinite(hi - lo))
        {
            // NOTE: a zero step would loop forever; a NaN one would give no ticks without a word.
            throw new ArgumentOutOfRangeException(nameof(hi), $"an axis needs finite lo < hi (got {lo} and {hi}).");
        }

        double raw = (hi - lo) / Math.Max(1, target);
        int exponent = (int)Math.Floor(Math.Log10(raw));
        // The tolerance keeps 2·10^29 a candidate for a raw step of 1e30/5, which differs from it in the last bit.
        int mantissa = new[] { 1, 2, 5, 10 }.First(m => Step(m, exponent) >= raw * (1 - 1e-9));
        if (mantissa == 10)
        {
            (mantissa, exponent) = (1, exponent + 1);
        }

        double step = Step(mantissa, exponent);
        double first = Math.Ceiling((lo / step) - 1e-9), last = Math.Floor((hi / step) + 1e-9);
        var ticks = new List<double>();
        for (double k = first; k <= last; k++)
        {
            // k·m·10^e computed as one rounding (a division for negative e: 3·2/10 is the double nearest 0.6,
            // where 3·0.2 is 0.6000000000000001), so ticks are the round numbers they stand for at any scale.
            double t = Step(k * mantissa, exponent);
            ticks.Add(t == 0 ? 0 : t);   // no −0
        }

        return ticks;
    }

    /// <summary>
    /// Labels for <paramref name="ticks"/> (as <see cref="For"/> makes them: evenly spaced): the shortest
    /// digits that keep neighbours distinct, fixed-point unless scientific is shorter by more than two characters.
    /// </summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<double> ticks)
    {
        if (ticks.Count < 2)
        {
            // No step to go by: the shortest text that reads back as the tick itself.
            return [.. ticks.Select(t => t.ToString(CultureInfo.InvariantCulture))];
        }

        // The step's power of ten is the last digit a label needs; anything finer is the same for all ticks.
        int exponent = (int)Math.Floor(Math.Log10(ticks[1] - ticks[0]) + 1e-9);
        string[] fixedPoint = [.. ticks.Select(t => t.ToString(FixedFormat(Math.Max(0, -exponent)), CultureInfo.InvariantCulture))];
        string[] scientific = [.. ticks.Select(t => Scientific(t, exponent))];
        return fixedPoint.Max(l => l.Length) <= scientific.Max(l => l.Length) + 2 ? fixedPoint : scientific;
    }

    /// <summary>
    /// The most ticks, at most about <paramref name="maxTarget"/>, whose labels <paramref name="fit"/> accepts
    /// (the renderer knows how wide a label is and where it goes); the fewest it can make if none fit.
    /// </summary>
    public static (IReadOnlyList<double> Ticks, IReadOnlyList<string> Labels) Fitting(
        double lo, double hi, int maxTarget, Func<IReadOnlyList<double>, IReadOnlyList<string>, bool> fit)
    {
        IReadOnlyList<double> ticks = [];
        IReadOnlyList<string> labels = [];
        for (int target = Math.Max(1, maxTarget); target >= 1; target--)
        {
            ticks = For(lo, hi, target);
            labels = Labels(ticks);
            if (fit(ticks, labels))
            {
                break;
            }
        }

        return (ticks, labels);
    }

    /// <summary>m·10^e with a single rounding.</summary>
    private static double Step(double m, int e) => e >= 0 ? m * Math.Pow(10, e) : m / Math.Pow(10, -e);

    private static string FixedFormat(int decimals) => decimals == 0 ? "0" : "0." + new string('#', decimals);

    /// <summary>t as mantissa·10^k with just enough mantissa digits to show the step's power of ten.</summary>
    private static string Scientific(double t, int stepExponent)
    {
        if (t == 0)
        {
            return "0";
        }

        int own = (int)Math.Floor(Math.Log10(Math.Abs(t)) + 1e-9);
        return t.ToString(FixedFormat(Math.Max(0, own - stepExponent)) + "e0", CultureInfo.InvariantCulture);
    }
}
