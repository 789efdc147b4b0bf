using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = x[i]/(1 + |x[i]|), rounded once (≤ 0.52 ULP); ±∞ give ±1, NaN propagating.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void Softsign(ReadOnlySpan<float> x, Span<float> destination) => Unary(default(SoftsignOperator), x, destination);

    /// <summary>Softsign's backward, from the input: destination[i] = gradOutput[i]/(1 + |input[i]|)².</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void SoftsignBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination) =>
        Backward(default(SoftsignBackwardOperator), gradOutput, input, destination, nameof(input));
}
