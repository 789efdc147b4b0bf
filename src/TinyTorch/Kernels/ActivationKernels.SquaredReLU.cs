using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = relu(x[i])²: one rounding (≤ 0.5 ULP), +0 for x ≤ 0, NaN propagating, +∞ once x² passes
    /// float's range.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void SquaredReLU(ReadOnlySpan<float> x, Span<float> destination) => Unary(default(SquaredReLUOperator), x, destination);

    /// <summary>SquaredReLU's backward: destination[i] = 2·relu(input[i])·gradOutput[i] (+0 wherever input ≤ 0, NaN
    /// for NaN, as PyTorch's relu(x)**2).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void SquaredReLUBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination) =>
        Backward(default(SquaredReLUBackwardOperator), gradOutput, input, destination, nameof(input));
}
