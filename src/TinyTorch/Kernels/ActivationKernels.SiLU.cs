using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = x[i]·σ(x[i]) (SiLU, "swish"), within 0.57 ULP; −∞ gives −0 (the limit), NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void SiLU(ReadOnlySpan<float> x, Span<float> destination) => Unary(default(SiLUOperator), x, destination);

    /// <summary>SiLU's backward: destination[i] = gradOutput[i]·σ(x)(1 + x(1 − σ(x))) at x = input[i].</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void SiLUBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination) =>
        Backward(default(SiLUBackwardOperator), gradOutput, input, destination, nameof(input));
}
