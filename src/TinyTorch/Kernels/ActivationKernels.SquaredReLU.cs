using TinyTorch.Activations.Reference;
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

    /// <summary>SquaredReLU over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void SquaredReLU(ReadOnlySpan<Half> x, Span<Half> destination)
    {
        HalfAdapter.Unary(default(SquaredReLUOperator), x, destination, static (v, p, q) => SquaredReLUMath.Forward(v), 0, 0);
    }

    /// <summary>SquaredReLU's backward over Half, correctly rounded, in PyTorch's order (gradOutput, input, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void SquaredReLUBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination)
    {
        HalfAdapter.Backward(default(SquaredReLUBackwardOperator), gradOutput, input, destination, nameof(input), static (g, s, p, q) => g * SquaredReLUMath.Derivative(s), 0, 0);
    }
}
