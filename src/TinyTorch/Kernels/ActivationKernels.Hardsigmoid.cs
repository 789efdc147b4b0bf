using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = relu6(x[i] + 3)/6: 0 for x ≤ −3, 1 for x ≥ 3, NaN propagating; within 1 ULP for every
    /// float32 input (exhaustively checked: at most 0.5 ULP), where relu6(x + 3)/6 computed naively reaches 1.00.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void Hardsigmoid(ReadOnlySpan<float> x, Span<float> destination) => Unary(default(HardsigmoidOperator), x, destination);

    /// <summary>Hardsigmoid's backward: destination[i] = gradOutput[i]/6 strictly inside (−3, 3), 0 elsewhere (at ±3
    /// and for NaN too, as PyTorch).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void HardsigmoidBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination) =>
        Backward(default(HardsigmoidBackwardOperator), gradOutput, input, destination, nameof(input));

    /// <summary>Hardsigmoid over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void Hardsigmoid(ReadOnlySpan<Half> x, Span<Half> destination)
    {
        HalfAdapter.Unary(default(HardsigmoidOperator), x, destination, static (v, p, q) => HardsigmoidMath.Forward(v), 0, 0);
    }

    /// <summary>Hardsigmoid's backward over Half, correctly rounded, in PyTorch's order (gradOutput, input, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void HardsigmoidBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination)
    {
        HalfAdapter.Backward(default(HardsigmoidBackwardOperator), gradOutput, input, destination, nameof(input), static (g, s, p, q) => g * HardsigmoidMath.Derivative(s), 0, 0);
    }
}
