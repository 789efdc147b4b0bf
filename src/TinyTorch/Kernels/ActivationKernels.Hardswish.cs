using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = x[i]·relu6(x[i] + 3)/6: −0 for x ≤ −3 (−∞ included, where PyTorch gives NaN), x for
    /// x ≥ 3, NaN propagating; within 1 ULP for every float32 input (exhaustively checked: at most 0.5 ULP).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void Hardswish(ReadOnlySpan<float> x, Span<float> destination) => Unary(default(HardswishOperator), x, destination);

    /// <summary>Hardswish's backward: destination[i] = 0 for x &lt; −3, gradOutput[i] for x ≥ 3, gradOutput[i]·(x/3 + ½)
    /// between, NaN for NaN, as PyTorch's vectorized path (so −g/2 at −3 and g at 3).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void HardswishBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination) =>
        Backward(default(HardswishBackwardOperator), gradOutput, input, destination, nameof(input));

    /// <summary>Hardswish over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void Hardswish(ReadOnlySpan<Half> x, Span<Half> destination)
    {
        HalfAdapter.Unary(default(HardswishOperator), x, destination, static (v, p, q) => HardswishMath.Forward(v), 0, 0);
    }

    /// <summary>Hardswish's backward over Half, correctly rounded, in PyTorch's order (gradOutput, input, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void HardswishBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination)
    {
        HalfAdapter.Backward(default(HardswishBackwardOperator), gradOutput, input, destination, nameof(input), static (g, s, p, q) => g * HardswishMath.Derivative(s), 0, 0, -1.85f, -1.15f);
    }
}
