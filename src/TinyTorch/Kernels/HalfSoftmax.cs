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

    public static void Backward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> output, Span<Half> destination, int outer, int length, int inner)
    {
        float[] g = HalfAdapter.RentWidened(gradOutput);
        float[] y = HalfAdapter.RentWidened(output);
        float[] dx = System.Buffers.ArrayPool<float>.Shared.Rent(Math.Max(output.Length, 1));
        try
        {
            int n = output.Length;
            SoftmaxKernel.Backward(y.AsSpan(0, n), g.AsSpan(0, n), dx.AsSpan(0, n), outer, length, inner);
            TensorPrimitives.ConvertToHalf(dx.AsSpan(0, n), destination);
            int cached = -1;
            double dot = 0;
            for (int i = HalfMidpoints.NextRisky(dx.AsSpan(0, n), 0); i < n; i = HalfMidpoints.NextRisky(dx.AsSpan(0, n), i + 1))
            {
                int start = SliceStart(i, length, inner);
                if (start != cached)
                {
                    dot = 0;
                    for (int j = 0; j < length; j++)
                    {
                        dot += (double)g[start + (j * inner)] * y[start + (j * inner)];   // Half·Half: exact in double
                    }

                    cached = start;
                }

                destination[i] = (Half)(y[i] * (g[i] - dot));
            }
        }
        finally
        {
            HalfAdapter.Return(g);
            HalfAdapter.Return(y);
            HalfAdapter.Return(dx);
        }
    }

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
