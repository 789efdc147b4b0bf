using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = x[i] − tanh(x[i]), within 1 ULP (0.833 measured) (a series near 0, where the difference cancels), NaN
    /// propagating.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void Tanhshrink(ReadOnlySpan<float> x, Span<float> destination) => Unary(default(TanhshrinkOperator), x, destination);

    /// <summary>Tanhshrink's backward, from the input: destination[i] = gradOutput[i]·tanh²(input[i]).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void TanhshrinkBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination) =>
        Backward(default(TanhshrinkBackwardOperator), gradOutput, input, destination, nameof(input));

    /// <summary>Tanhshrink over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void Tanhshrink(ReadOnlySpan<Half> x, Span<Half> destination)
    {
        HalfAdapter.Unary(default(TanhshrinkOperator), x, destination, static (v, p, q) => TanhshrinkMath.Forward(v), 0, 0);
    }

    /// <summary>Tanhshrink's backward over Half, correctly rounded, in PyTorch's order (gradOutput, input, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void TanhshrinkBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination)
    {
        HalfAdapter.Backward(default(TanhshrinkBackwardOperator), gradOutput, input, destination, nameof(input), static (g, s, p, q) => g * TanhshrinkMath.Derivative(s), 0, 0);
    }
}
