namespace TinyTorch.Tests.Support;

/// <summary>Checks every softmax slice of a tensor viewed as [outer, length, inner] against the oracle.</summary>
internal static class SoftmaxSlices
{
    /// <summary>
    /// Asserts every element of every slice of y within <paramref name="bound"/> ULP of the oracle's softmax (or of
    /// <paramref name="oracle"/>'s function) of the same slice of x, and returns the largest error seen where the truth
    /// is a normal float.
    /// </summary>
    public static double MaxUlp(float[] x, float[] y, int length, int inner, double bound, string what, Func<float[], double[]>? oracle = null)
    {
        oracle ??= static slice => Oracle.Softmax(slice);
        double worst = 0;
        int outer = x.Length / (length * inner);
        for (int o = 0; o < outer; o++)
        {
            for (int c = 0; c < inner; c++)
            {
                int start = (o * length * inner) + c;
                float[] slice = [.. Enumerable.Range(0, length).Select(i => x[start + (i * inner)])];
                double[] truth = oracle(slice);
                for (int i = 0; i < length; i++)
                {
                    float actual = y[start + (i * inner)];
                    Assert.True(
                        Ulp.WithinForwardBound(actual, truth[i], bound),
                        $"{what}: slice ({o}, {c}) of length {length}, element {i}: got {actual:R}, truth {truth[i]:R} ({Ulp.Error(actual, truth[i]):F2} ULP)");
                    if (Math.Abs(truth[i]) >= Ulp.MinNormal)
                    {
                        worst = Math.Max(worst, Ulp.Error(actual, truth[i]));
                    }
                }
            }
        }

        return worst;
    }
}
