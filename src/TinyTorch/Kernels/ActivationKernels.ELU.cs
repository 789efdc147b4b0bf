using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = x[i] for x[i] &gt; 0, alpha·(e^x[i] − 1) otherwise; within 0.76 ULP (e^x − 1 does not
    /// cancel near 0), ±0 → +0, NaN propagating, as PyTorch.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="alpha">The saturation value below 0 is −alpha (PyTorch's default 1); any finite value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is NaN or infinite.</exception>
    public static void ELU(ReadOnlySpan<float> x, Span<float> destination, float alpha = 1f)
    {
        RequireFinite(alpha, nameof(alpha));
        Unary(new ELUOperator(alpha, 0f, 1f, 0f, 1f), x, destination);
    }

    /// <summary>ELU's backward, from the input: destination[i] = gradOutput[i] where input[i] &gt; 0 (and NaN),
    /// gradOutput[i]·alpha·e^input[i] elsewhere (alpha at 0, as PyTorch).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="alpha">The alpha the forward used.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is NaN or infinite.</exception>
    public static void ELUBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, float alpha = 1f)
    {
        RequireFinite(alpha, nameof(alpha));
        Backward(new ELUBackwardOperator(alpha, 1f, 1f), gradOutput, input, destination, nameof(input));
    }

    /// <summary>ELU over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="alpha">The alpha; as the float overload.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, as for the float overload.</exception>
    public static void ELU(ReadOnlySpan<Half> x, Span<Half> destination, float alpha = 1f)
    {
        RequireFinite(alpha, nameof(alpha));
        HalfAdapter.Unary(new ELUOperator(alpha, 0f, 1f, 0f, 1f), x, destination, static (v, p, q) => ELUMath.Forward(v, p), alpha, 0);
    }

    /// <summary>ELU's backward over Half, correctly rounded, in PyTorch's order (gradOutput, input, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="alpha">The alpha; as the float overload.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, as for the float overload.</exception>
    public static void ELUBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination, float alpha = 1f)
    {
        RequireFinite(alpha, nameof(alpha));
        HalfAdapter.Backward(new ELUBackwardOperator(alpha, 1f, 1f), gradOutput, input, destination, nameof(input), static (g, s, p, q) => g * ELUMath.Derivative(s, p), alpha, 0);
    }
}
