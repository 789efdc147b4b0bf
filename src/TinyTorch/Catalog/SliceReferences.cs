using TinyTorch.Activations.Reference;

namespace TinyTorch.Catalog;

/// <summary>The double-precision truth of the along-a-dim forms over one slice, for <see cref="AlongDimForm.Reference"/>.</summary>
internal static class SliceReferences
{
    /// <summary>e^(xᵢ − m) / Σ e^(xⱼ − m) in double; a NaN slice for a NaN, a +∞ or all −∞ (PyTorch).</summary>
    public static double[] Softmax(float[] x)
    {
        (double max, double logSum) = LogSoftmaxMath.Normalizer(x, 0, x.Length, 1);
        return [.. x.Select(v => double.IsNaN(logSum) ? double.NaN : Math.Exp(v - max - logSum))];
    }

    /// <summary>softmax(−x) in double.</summary>
    public static double[] Softmin(float[] x) => Softmax([.. x.Select(v => -v)]);

    /// <summary>(xᵢ − m) − ln Σ e^(xⱼ − m) in double, from <see cref="LogSoftmaxMath.Normalizer"/>.</summary>
    public static double[] LogSoftmax(float[] x)
    {
        (double max, double logSum) = LogSoftmaxMath.Normalizer(x, 0, x.Length, 1);
        return [.. x.Select(v => double.IsNaN(logSum) ? double.NaN : v - max - logSum)];
    }
}
