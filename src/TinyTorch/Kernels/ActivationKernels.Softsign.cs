using TinyTorch.Activations.Reference;
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

    /// <summary>Softsign over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void Softsign(ReadOnlySpan<Half> x, Span<Half> destination)
    {
        HalfAdapter.Unary(default(SoftsignOperator), x, destination, static (v, p, q) => SoftsignMath.Forward(v), 0, 0);
    }

    /// <summary>Softsign's backward over Half, correctly rounded, in PyTorch's order (gradOutput, input, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void SoftsignBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination)
    {
        HalfAdapter.Backward(default(SoftsignBackwardOperator), gradOutput, input, destination, nameof(input), static (g, s, p, q) => g * SoftsignMath.Derivative(s), 0, 0);
    }
}
