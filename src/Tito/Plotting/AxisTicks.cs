namespace Tito.Plotting;

/// <summary>Round tick values for an axis: steps of 1, 2 or 5 times a power of ten.</summary>
internal static class AxisTicks
{
    /// <summary>About <paramref name="target"/> round values covering [lo, hi].</summary>
    public static IReadOnlyList<double> For(double lo, double hi, int target = 6)
    {
        double raw = (hi - lo) / Math.Max(1, target);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * magnitude).First(s => s >= raw);
        var ticks = new List<double>();
        for (double t = Math.Ceiling(lo / step) * step; t <= hi + (step * 1e-9); t += step)
        {
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : Math.Round(t, 10));
        }

        return ticks;
    }
}
