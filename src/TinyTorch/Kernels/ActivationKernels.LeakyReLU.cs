using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = x[i] for x[i] &gt; 0, negativeSlope·x[i] otherwise; one rounding (≤ 0.5 ULP), NaN
    /// propagating, −0 → −0·negativeSlope, as PyTorch.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="negativeSlope">The slope below 0 (PyTorch's default 0.01); any finite value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negativeSlope"/> is NaN or infinite.</exception>
    public static void LeakyReLU(ReadOnlySpan<float> x, Span<float> destination, float negativeSlope = 0.01f)
    {
        RequireFinite(negativeSlope, nameof(negativeSlope));
        Unary(new LeakyReLUOperator(negativeSlope), x, destination);
    }

    /// <summary>LeakyReLU's backward: destination[i] = gradOutput[i] where input[i] &gt; 0, gradOutput[i]·negativeSlope
    /// elsewhere (at 0 and for NaN too, as PyTorch).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="negativeSlope">The slope the forward used.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negativeSlope"/> is NaN or infinite.</exception>
    public static void LeakyReLUBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, float negativeSlope = 0.01f)
    {
        RequireFinite(negativeSlope, nameof(negativeSlope));
        Backward(new LeakyReLUBackwardOperator(negativeSlope), gradOutput, input, destination, nameof(input));
    }

    /// <summary>LeakyReLU over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="negativeSlope">The slope below 0; as the float overload.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, as for the float overload.</exception>
    public static void LeakyReLU(ReadOnlySpan<Half> x, Span<Half> destination, float negativeSlope = 0.01f)
    {
        RequireFinite(negativeSlope, nameof(negativeSlope));
        HalfAdapter.Unary(new LeakyReLUOperator(negativeSlope), x, destination, static (v, p, q) => LeakyReLUMath.Forward(v, p), negativeSlope, 0);
    }

    /// <summary>LeakyReLU's backward over Half, correctly rounded, in PyTorch's order (gradOutput, input, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="negativeSlope">The slope below 0; as the float overload.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, as for the float overload.</exception>
    public static void LeakyReLUBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination, float negativeSlope = 0.01f)
    {
        RequireFinite(negativeSlope, nameof(negativeSlope));
        HalfAdapter.Backward(new LeakyReLUBackwardOperator(negativeSlope), gradOutput, input, destination, nameof(input), static (g, s, p, q) => g * LeakyReLUMath.Derivative(s, p), negativeSlope, 0);
    }
}
