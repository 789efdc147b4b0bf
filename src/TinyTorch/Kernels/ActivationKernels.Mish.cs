using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = x[i]·tanh(softplus(x[i])) (Mish), within 0.56 ULP; −∞ gives −0 (the limit), NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void Mish(ReadOnlySpan<float> x, Span<float> destination) => Unary(default(MishOperator), x, destination);

    /// <summary>Mish's backward, from the input: destination[i] = gradOutput[i]·(tanh(sp) + x·σ(x)·(1 − tanh²(sp))),
    /// sp = softplus(x), x = input[i].</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void MishBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination) =>
        Backward(default(MishBackwardOperator), gradOutput, input, destination, nameof(input));
}
