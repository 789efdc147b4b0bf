namespace Tito.Plotting;

/// <summary>Sampled curves and the shared y range that both renderers draw them in.</summary>
internal sealed class PlotData
{
    private PlotData(double from, double to, IReadOnlyList<(Curve Curve, float[] X, float[] Y)> series, double yMin, double yMax)
    {
        From = from;
        To = to;
        Series = series;
        YMin = yMin;
        YMax = yMax;
    }

    public double From { get; }

    public double To { get; }

    public double YMin { get; }

    public double YMax { get; }

    public IReadOnlyList<(Curve Curve, float[] X, float[] Y)> Series { get; }

    /// <summary>Samples every curve at <paramref name="points"/> evenly spaced x in [from, to].</summary>
    public static PlotData Sample(IReadOnlyList<Curve> curves, double from, double to, int points)
    {
        float[] xs = Enumerable.Range(0, points).Select(i => (float)(from + ((to - from) * i / (points - 1)))).ToArray();
        var series = curves.Select(c => (c, xs, c.Evaluate(xs))).ToList();
        var finite = series.SelectMany(s => s.Item3).Where(float.IsFinite).Select(v => (double)v).ToList();
        // The x axis (y = 0) is always in view, so every curve is seen relative to it.
        double lo = Math.Min(0, finite.Count > 0 ? finite.Min() : 0);
        double hi = Math.Max(0, finite.Count > 0 ? finite.Max() : 1);
        if (hi - lo < 1e-9)
        {
            hi = lo + 1;
        }

        double pad = 0.05 * (hi - lo);
        return new PlotData(from, to, series, lo - pad, hi + pad);
    }
}
