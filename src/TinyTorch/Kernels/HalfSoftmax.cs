using System.Numerics.Tensors;

namespace TinyTorch.Kernels;

/// <summary>
/// Softmax over Half: the whole input widened into pooled float buffers, the float kernel (threads and all) over them,
/// then narrowed with <see cref="HalfAdapter"/>'s rounding fix-up, whose float64 truth here needs the lane's whole
/// slice (its max and Σ e^(x − max), or its Σ g·y).
/// </summary>
/// <remarks>A slice's float64 sums are computed once per run of risky lanes in the same slice (for rows, stride 1,
/// that is once per row at most); they cost a pass over the slice, and about 0.1 % of lanes are risky.</remarks>
internal static class HalfSoftmax
{
    /// <summary>A float kernel over every slice of [outer, length, inner] (softmax's or log-softmax's forward).</summary>
    internal delegate void SliceKernel(ReadOnlySpan<float> x, Span<float> y, int outer, int length, int inner);

    /// <summary>A float backward over every slice, taking (g, y, dx) in that order.</summary>
    internal delegate void SliceBackwardKernel(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> dx, int outer, int length, int inner);

    public static void Forward(ReadOnlySpan<Half> x, Span<Half> destination, int outer, int length, int inner) =>
        ForwardCorrected(x, destination, outer, length, inner, SoftmaxKernel.Forward, static (v, max, sum) => Math.Exp(v - max) / sum);

    /// <summary>
    /// A slice kernel over Half: x widened, <paramref name="kernel"/> in float, the result narrowed, and every lane near a
    /// Half rounding boundary replaced by <paramref name="truth"/>(xᵢ, max, Σ e^(xⱼ − max)) of its slice in float64 (the
    /// slice's sums computed once per run of risky lanes in it). Softmax's and log-softmax's forward passes.
    /// </summary>
    internal static void ForwardCorrected(
        ReadOnlySpan<Half> x, Span<Half> destination, int outer, int length, int inner, SliceKernel kernel, Func<double, double, double, double> truth)
    {
        float[] a = HalfAdapter.RentWidened(x);
        float[] y = System.Buffers.ArrayPool<float>.Shared.Rent(Math.Max(x.Length, 1));
        try
        {
            int n = x.Length;
            kernel(a.AsSpan(0, n), y.AsSpan(0, n), outer, length, inner);
            TensorPrimitives.ConvertToHalf(y.AsSpan(0, n), destination);
            int cached = -1;
            double max = 0, sum = 0;
            for (int i = HalfMidpoints.NextRisky(y.AsSpan(0, n), 0); i < n; i = HalfMidpoints.NextRisky(y.AsSpan(0, n), i + 1))
            {
                int start = SliceStart(i, length, inner);
                if (start != cached)
                {
                    (max, sum) = Sums(a, start, length, inner);
                    cached = start;
                }

                destination[i] = (Half)truth(a[i], max, sum);
            }
        }
        finally
        {
            HalfAdapter.Return(a);
            HalfAdapter.Return(y);
        }
    }

    public static void Backward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> output, Span<Half> destination, int outer, int length, int inner) =>
        BackwardCorrected(
            gradOutput,
            output,
            destination,
            outer,
            length,
            inner,
            static (g, y, dx, o, l, i) => SoftmaxKernel.Backward(y, g, dx, o, l, i),
            widenByGradient: false,
            static (g, y) => g * y,   // Half·Half: exact in double
            static (g, y, dot) => y * (g - dot));

    /// <summary>
    /// A slice backward over Half: g and y widened, <paramref name="kernel"/> in float, the result narrowed, and every
    /// lane near a Half rounding boundary replaced by <paramref name="truth"/>(gᵢ, yᵢ, Σⱼ term(gⱼ, yⱼ)) in float64 (the
    /// slice's sum computed once per run of risky lanes in it). With <paramref name="widenByGradient"/> the window grows
    /// with |g| (a result that cancels, as log-softmax's g − e^y·Σg). Softmax's and log-softmax's backward passes.
    /// </summary>
    internal static void BackwardCorrected(
        ReadOnlySpan<Half> gradOutput,
        ReadOnlySpan<Half> output,
        Span<Half> destination,
        int outer,
        int length,
        int inner,
        SliceBackwardKernel kernel,
        bool widenByGradient,
        Func<double, double, double> term,
        Func<double, double, double, double> truth)
    {
        float[] g = HalfAdapter.RentWidened(gradOutput);
        float[] y = HalfAdapter.RentWidened(output);
        float[] dx = System.Buffers.ArrayPool<float>.Shared.Rent(Math.Max(output.Length, 1));
        try
        {
            int n = output.Length;
            kernel(g.AsSpan(0, n), y.AsSpan(0, n), dx.AsSpan(0, n), outer, length, inner);
            TensorPrimitives.ConvertToHalf(dx.AsSpan(0, n), destination);
            int cached = -1;
            double sum = 0;
            for (int i = NextRisky(dx, g, y, n, 0, widenByGradient); i < n; i = NextRisky(dx, g, y, n, i + 1, widenByGradient))
            {
                int start = SliceStart(i, length, inner);
                if (start != cached)
                {
                    sum = 0;
                    for (int j = 0; j < length; j++)
                    {
                        sum += term(g[start + (j * inner)], y[start + (j * inner)]);
                    }

                    cached = start;
                }

                destination[i] = (Half)truth(g[i], y[i], sum);
            }
        }
        finally
        {
            HalfAdapter.Return(g);
            HalfAdapter.Return(y);
            HalfAdapter.Return(dx);
        }
    }

    private static int NextRisky(float[] dx, float[] g, float[] y, int n, int from, bool widenByGradient) => widenByGradient
        ? HalfMidpoints.NextRisky(dx.AsSpan(0, n), g.AsSpan(0, n), y.AsSpan(0, n), from, float.NegativeInfinity, float.PositiveInfinity)
        : HalfMidpoints.NextRisky(dx.AsSpan(0, n), from);

    /// <summary>The index of the first element of the slice holding element <paramref name="index"/>.</summary>
    internal static int SliceStart(int index, int length, int inner)
    {
        long block = (long)length * inner;
        return (int)((index / block * block) + (index % inner));
    }

    internal static (double Max, double Sum) Sums(float[] x, int start, int length, int inner)
    {
        double max = double.NegativeInfinity;
        for (int j = 0; j < length; j++)
        {
            max = Math.Max(max, x[start + (j * inner)]);
        }

        double sum = 0;
        for (int j = 0; j < length; j++)
        {
            sum += Math.Exp(x[start + (j * inner)] - max);
        }

        return (max, sum);
    }
}
