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
/// backward passes use it); the truth sums the slice's g in float64.
/// </remarks>
internal static class HalfLogSoftmax
{
    public static void Forward(ReadOnlySpan<Half> x, Span<Half> destination, int outer, int length, int inner) =>
        HalfSoftmax.ForwardCorrected(
            x, destination, outer, length, inner, LogSoftmaxKernel.Forward, static (v, max, sum) => v - (max + Math.Log(sum)));

    public static void Backward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> output, Span<Half> destination, int outer, int length, int inner) =>
        HalfSoftmax.BackwardCorrected(
            gradOutput,
            output,
            destination,
            outer,
            length,
            inner,
            LogSoftmaxKernel.Backward,
            widenByGradient: true,
            static (g, _) => g,
            static (g, y, sum) => g - (Math.Exp(y) * sum));
}
