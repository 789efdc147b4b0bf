namespace TinyTorch.Tests.Support;

/// <summary>
/// Log-softmax and log-sum-exp of a row in double, written apart from the library's reference: the terms below the
/// maximum summed smallest first, L = ln(1 + s) by Goldberg's log1p; PyTorch's edges (NaN or +∞ in the row, or all −∞,
/// give NaN).
/// </summary>
internal static class LogSoftmaxOracle
{
    /// <summary>The row's maximum m and L = ln Σ e^(xⱼ − m); NaN for the NaN rows.</summary>
    public static (double Max, double LogSum) Normalizer(ReadOnlySpan<float> row)
    {
        double max = double.NegativeInfinity;
        bool nan = false;
        foreach (float v in row)
        {
            nan |= float.IsNaN(v);
            max = Math.Max(max, v);
        }

        if (nan || double.IsInfinity(max))
        {
            return (double.NaN, double.NaN);
        }

        var terms = new List<double>();
        int maxima = 0;
        foreach (float v in row)
        {
            if (v == max)
            {
                maxima++;
            }
            else
            {
                terms.Add(Math.Exp(v - max));
            }
        }

        terms.Sort();
        double s = maxima - 1;
        double small = 0;
        foreach (double t in terms)
        {
            small += t;
        }

        s += small;
        double u = 1 + s;
        return (max, u == 1 ? s : Math.Log(u) * s / (u - 1));
    }

    /// <summary>The true log-softmax of a row.</summary>
    public static double[] LogSoftmax(ReadOnlySpan<float> row)
    {
        (double max, double logSum) = Normalizer(row);
        var y = new double[row.Length];
        for (int i = 0; i < row.Length; i++)
        {
            y[i] = double.IsNaN(logSum) ? double.NaN : row[i] - max - logSum;
        }

        return y;
    }

    /// <summary>
    /// Asserts every slice of y (x viewed as [outer, length, inner]) within <paramref name="bound"/> ULP of the true
    /// log-softmax, and returns the largest error seen.
    /// </summary>
    public static double MaxUlp(float[] x, float[] y, int length, int inner, double bound, string what) =>
        SoftmaxSlices.MaxUlp(x, y, length, inner, bound, what, static slice => LogSoftmax(slice));

    /// <summary>
    /// Asserts dx = g − e^y·Σg per slice (y the saved output, viewed as [outer, length, inner]) within the kernels'
    /// stated bound, 1 ULP + 2^-31·|e^y·Σg|, with e^y from the saved (rounded) y and Σg in double.
    /// </summary>
    public static void AssertBackward(float[] g, float[] y, float[] dx, int length, int inner)
    {
        int outer = y.Length / (length * inner);
        for (int o = 0; o < outer; o++)
        {
            for (int c = 0; c < inner; c++)
            {
                int start = (o * length * inner) + c;
                double sum = 0;
                for (int i = 0; i < length; i++)
                {
                    sum += g[start + (i * inner)];
                }

                for (int i = 0; i < length; i++)
                {
                    int k = start + (i * inner);
                    double e = Math.Exp(y[k]);
                    double want = g[k] - (e * sum);
                    double allowed = Ulp.SizeAt(want) + (Math.Abs(e * sum) * Math.ScaleB(1, -31)) + 1e-45;
                    Assert.True(Math.Abs(dx[k] - want) <= allowed, $"({o}, {i}, {c}): {dx[k]:R} vs {want:R}");
                }
            }
        }
    }
}
