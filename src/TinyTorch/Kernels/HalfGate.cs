using System.Buffers;
using System.Numerics.Tensors;

namespace TinyTorch.Kernels;

/// <summary>A gated unit's float kernel over [outer, axisLength, stride] (forward).</summary>
internal delegate void GateKernel(ReadOnlySpan<float> x, Span<float> destination, int axisLength, int stride);

/// <summary>A gated unit's float backward kernel, PyTorch's order (gradOutput, input, destination).</summary>
internal delegate void GateBackwardKernel(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, int axisLength, int stride);

/// <summary>
/// The gated units over Half: the input widened into pooled float buffers, the float kernel (threads and all), the
/// result narrowed with a float64 fix-up of the lanes near a Half rounding boundary, so every result is the Half nearest
/// the true a·f(b), g·f(b) or g·a·f′(b) of the Half inputs.
/// </summary>
/// <remarks>
/// The windows: forward within <see cref="ForwardUlps"/> float ULPs (the fused gates are within 0.57 ULP, GeGLU's exact
/// form, composed, within 4); backward within <see cref="BackwardUlps"/> (2^-21 relative, GLU's stated bound) plus the
/// gradient-sized term where g·a·f′(b) is small beside g·a (near a zero of f′: SiLU′ at b = −1.28, GELU′ at −0.75), as
/// the family's backward passes do it (<see cref="HalfMidpoints"/>).
/// </remarks>
internal static class HalfGate
{
    private const float ForwardUlps = 8;
    private const float BackwardUlps = 16;

    public static void Forward(
        ReadOnlySpan<Half> x, Span<Half> destination, int axisLength, int stride, GateKernel kernel, Func<double, double, double> reference)
    {
        int outputs = x.Length / 2, halfSlab = axisLength / 2 * stride;
        float[] a = HalfAdapter.RentWidened(x);
        float[] y = ArrayPool<float>.Shared.Rent(Math.Max(outputs, 1));
        try
        {
            kernel(a.AsSpan(0, x.Length), y.AsSpan(0, outputs), axisLength, stride);
            TensorPrimitives.ConvertToHalf(y.AsSpan(0, outputs), destination[..outputs]);
            for (int i = 0; i < outputs; i++)
            {
                if (HalfMidpoints.IsRisky(BitConverter.SingleToUInt32Bits(y[i]), 0f, ForwardUlps))
                {
                    int ai = FirstHalfIndex(i, halfSlab);
                    destination[i] = (Half)reference(a[ai], a[ai + halfSlab]);
                }
            }
        }
        finally
        {
            HalfAdapter.Return(a);
            HalfAdapter.Return(y);
        }
    }

    public static void Backward(
        ReadOnlySpan<Half> gradOutput,
        ReadOnlySpan<Half> input,
        Span<Half> destination,
        int axisLength,
        int stride,
        GateBackwardKernel kernel,
        Func<double, double, double> derivativeA,
        Func<double, double, double> derivativeB)
    {
        int n = input.Length, halfSlab = axisLength / 2 * stride;
        float[] g = HalfAdapter.RentWidened(gradOutput);
        float[] x = HalfAdapter.RentWidened(input);
        float[] dx = ArrayPool<float>.Shared.Rent(Math.Max(n, 1));
        try
        {
            kernel(g.AsSpan(0, gradOutput.Length), x.AsSpan(0, n), dx.AsSpan(0, n), axisLength, stride);
            TensorPrimitives.ConvertToHalf(dx.AsSpan(0, n), destination[..n]);
            for (int k = 0; k < n; k++)
            {
                // k is in a's half of its slab (dL/da = g·f(b), a product) or in b's (dL/db = g·a·f′(b), which cancels
                // near a zero of f′: the window grows with |g·a| there).
                long slab = k / (2L * halfSlab), within = k % (2L * halfSlab);
                bool isA = within < halfSlab;
                int i = (int)((slab * halfSlab) + (isA ? within : within - halfSlab));
                int ai = isA ? k : k - halfSlab;
                float scale = isA ? 0f : g[i] * x[ai];
                if (HalfMidpoints.IsRisky(BitConverter.SingleToUInt32Bits(dx[k]), scale, BackwardUlps))
                {
                    double a = x[ai], b = x[ai + halfSlab];
                    destination[k] = (Half)(g[i] * (isA ? derivativeA(a, b) : derivativeB(a, b)));
                }
            }
        }
        finally
        {
            HalfAdapter.Return(g);
            HalfAdapter.Return(x);
            HalfAdapter.Return(dx);
        }
    }

    /// <summary>The input index of output <paramref name="i"/>'s a (its b is <paramref name="halfSlab"/> further).</summary>
    private static int FirstHalfIndex(int i, int halfSlab) => (int)((long)(i / halfSlab) * 2 * halfSlab) + (i % halfSlab);
}
