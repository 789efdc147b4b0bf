using TinyTorch.Activations.Reference;
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

    /// <summary>SiLU over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void SiLU(ReadOnlySpan<Half> x, Span<Half> destination)
    {
        HalfAdapter.Unary(default(SiLUOperator), x, destination, static (v, p, q) => SiLUMath.Forward(v), 0, 0);
    }

    /// <summary>SiLU's backward over Half, correctly rounded, in PyTorch's order (gradOutput, input, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void SiLUBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination)
    {
        HalfAdapter.Backward(default(SiLUBackwardOperator), gradOutput, input, destination, nameof(input), static (g, s, p, q) => g * SiLUMath.Derivative(s), 0, 0, -1.65f, -0.9f);
    }
}
