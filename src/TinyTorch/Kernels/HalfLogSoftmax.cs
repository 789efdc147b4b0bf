using System.Numerics.Tensors;

namespace TinyTorch.Kernels;

/// <summary>
/// Log-softmax over Half, as <see cref="HalfSoftmax"/> does softmax: widened into pooled float buffers, the float kernel
/// (threads and all), narrowed with a rounding fix-up whose float64 truth needs the lane's whole slice.
/// </summary>
/// <remarks>
/// Forward: the float kernel is within 0.69 ULP, so <see cref="HalfMidpoints.NextRisky(ReadOnlySpan{float}, int)"/>'s
/// window finds every lane that could round to the wrong Half; their truth is xᵢ − m − ln Σ e^(xⱼ − m) in float64.
/// Backward: g − e^y·Σg is within 1 ULP + 2^-31·|e^y·Σg| in float, a difference of terms the size of g where it
/// cancels, so the window grows with |g| (the gradient-widened <see cref="HalfMidpoints"/> test, as the family's
/// backward passes use it); the truth sums g in float64 (Half values: exact).
/// </remarks>
internal static class HalfLogSoftmax
{
    public static void Forward(ReadOnlySpan<Half> x, Span<Half> destination, int outer, int length, int inner) =>
        HalfSoftmax.ForwardCorrected(
            x, destination, outer, length, inner, LogSoftmaxKernel.Forward, static (v, max, sum) => v - (max + Math.Log(sum)));

    public static void Backward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> output, Span<Half> destination, int outer, int length, int inner)
    {
        float[] g = HalfAdapter.RentWidened(gradOutput);
        float[] y = HalfAdapter.RentWidened(output);
        float[] dx = System.Buffers.ArrayPool<float>.Shared.Rent(Math.Max(output.Length, 1));
        try
        {
            int n = output.Length;
            LogSoftmaxKernel.Backward(g.AsSpan(0, n), y.AsSpan(0, n), dx.AsSpan(0, n), outer, length, inner);
            TensorPrimitives.ConvertToHalf(dx.AsSpan(0, n), destination);
            ReadOnlySpan<float> result = dx.AsSpan(0, n), grad = g.AsSpan(0, n), saved = y.AsSpan(0, n);
            int cached = -1;
            double sum = 0;
            for (int i = HalfMidpoints.NextRisky(result, grad, saved, 0, float.NegativeInfinity, float.PositiveInfinity);
                i < n;
                i = HalfMidpoints.NextRisky(result, grad, saved, i + 1, float.NegativeInfinity, float.PositiveInfinity))
            {
                int start = HalfSoftmax.SliceStart(i, length, inner);
                if (start != cached)
                {
                    sum = 0;
                    for (int j = 0; j < length; j++)
                    {
                        sum += g[start + (j * inner)];
                    }

                    cached = start;
                }

                destination[i] = (Half)(g[i] - (Math.Exp(y[i]) * sum));
            }
        }
        finally
        {
            HalfAdapter.Return(g);
            HalfAdapter.Return(y);
            HalfAdapter.Return(dx);
        }
    }
}
