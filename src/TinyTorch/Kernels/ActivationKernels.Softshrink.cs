using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = x[i] − lambd for x[i] &gt; lambd, x[i] + lambd for x[i] &lt; −lambd, +0 between; one
    /// rounding (≤ 0.5 ULP), NaN propagating (PyTorch 1.13 gave 0 for NaN, a bug fixed since).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="lambd">The amount each value moves toward 0 (PyTorch's default 0.5); finite, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambd"/> is negative, NaN or infinite.</exception>
    public static void Softshrink(ReadOnlySpan<float> x, Span<float> destination, float lambd = 0.5f)
    {
        RequireLambd(lambd);
        Unary(new SoftshrinkOperator(lambd), x, destination);
    }

    /// <summary>Softshrink's backward: destination[i] = gradOutput[i] where |input[i]| &gt; lambd, 0 elsewhere (at
    /// ±lambd and for NaN too, as PyTorch's vectorized path).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="lambd">The lambd the forward used.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambd"/> is negative, NaN or infinite.</exception>
    public static void SoftshrinkBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, float lambd = 0.5f)
    {
        RequireLambd(lambd);
        Backward(new ShrinkBackwardOperator(lambd), gradOutput, input, destination, nameof(input));
    }

    /// <summary>Softshrink over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="lambd">The threshold; as the float overload.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, as for the float overload.</exception>
    public static void Softshrink(ReadOnlySpan<Half> x, Span<Half> destination, float lambd = 0.5f)
    {
        RequireLambd(lambd);
        HalfAdapter.Unary(new SoftshrinkOperator(lambd), x, destination, static (v, p, q) => SoftshrinkMath.Forward(v, p), lambd, 0);
    }

    /// <summary>Softshrink's backward over Half, correctly rounded, in PyTorch's order (gradOutput, input, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="lambd">The threshold; as the float overload.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, as for the float overload.</exception>
    public static void SoftshrinkBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination, float lambd = 0.5f)
    {
        RequireLambd(lambd);
        HalfAdapter.Backward(new ShrinkBackwardOperator(lambd), gradOutput, input, destination, nameof(input), static (g, s, p, q) => g * SoftshrinkMath.Derivative(s, p), lambd, 0);
    }
}
