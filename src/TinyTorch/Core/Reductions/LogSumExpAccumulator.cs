namespace TinyTorch.Core;

/// <summary>
/// The running state of a log-sum-exp: the largest element so far, how many elements equal it, and the sum of
/// e^(x − max) over the others, so that the result m + ln(1 + s) keeps every digit of a tiny s.
/// </summary>
/// <param name="Max">The largest element seen (−∞ before any; NaN once a NaN was seen).</param>
/// <param name="Maxima">How many elements equal <paramref name="Max"/>.</param>
/// <param name="Others">Σ e^(x − Max) over the elements below Max, in double.</param>
internal readonly record struct LogSumExpAccumulator(double Max, long Maxima, double Others)
{
    /// <summary>The state before any element: log-sum-exp of nothing is −∞.</summary>
    public static LogSumExpAccumulator Empty => new(double.NegativeInfinity, 0, 0);

    /// <summary>The state after one more element <paramref name="x"/>.</summary>
    public LogSumExpAccumulator Add(float x)
    {
        if (double.IsNaN(Max) || float.IsNaN(x))
        {
            return new(double.NaN, 0, 0);
        }

        if (x == Max)
        {
            return this with { Maxima = Maxima + 1 };
        }

        if (x < Max)
        {
            return this with { Others = Others + Math.Exp(x - Max) };
        }

        // A new maximum: the old one and everything below it become "others", rescaled by e^(old − new) (0 when the
        // old maximum was −∞ or the new one is +∞, so no ∞ − ∞ is ever formed).
        double scale = Math.Exp(Max - x);
        return new(x, 1, (Others + Maxima) * scale);
    }

    /// <summary>m + ln(1 + s) rounded once to float: −∞ for nothing or all −∞, +∞ with a +∞, NaN with a NaN (PyTorch).</summary>
    public float Result()
    {
        if (double.IsNaN(Max) || double.IsInfinity(Max))
        {
            return (float)Max;
        }

        double s = Others + (Maxima - 1);
        double u = 1 + s;
        double log1p = u == 1 ? s : Math.Log(u) * s / (u - 1);   // Goldberg's log1p: keeps a tiny s whole
        return (float)(Max + log1p);
    }
}
