using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = x[i] where |x[i]| &gt; lambd, +0 elsewhere; exact, NaN propagating.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="lambd">The half-width of the band sent to 0 (PyTorch's default 0.5); finite, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambd"/> is negative, NaN or infinite.</exception>
    public static void Hardshrink(ReadOnlySpan<float> x, Span<float> destination, float lambd = 0.5f)
    {
        RequireLambd(lambd);
        Unary(new HardshrinkOperator(lambd), x, destination);
    }

    /// <summary>Hardshrink's backward: destination[i] = gradOutput[i] where |input[i]| &gt; lambd, 0 elsewhere (at
    /// ±lambd and for NaN too, as PyTorch's vectorized path).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="lambd">The lambd the forward used.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambd"/> is negative, NaN or infinite.</exception>
    public static void HardshrinkBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, float lambd = 0.5f)
    {
        RequireLambd(lambd);
        Backward(new ShrinkBackwardOperator(lambd), gradOutput, input, destination, nameof(input));
    }

    /// <summary>A shrink's lambd must be finite and at least 0, as PyTorch's softshrink demands.</summary>
    internal static void RequireLambd(float lambd)
    {
        RequireFinite(lambd, nameof(lambd));
        if (lambd < 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(lambd), lambd, $"lambd must be greater than or equal to 0, but got {lambd}.");
        }
    }

    /// <summary>Hardshrink over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="lambd">The threshold; as the float overload.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, as for the float overload.</exception>
    public static void Hardshrink(ReadOnlySpan<Half> x, Span<Half> destination, float lambd = 0.5f)
    {
        RequireLambd(lambd);
        HalfAdapter.Unary(new HardshrinkOperator(lambd), x, destination, static (v, p, q) => HardshrinkMath.Forward(v, p), lambd, 0);
    }

    /// <summary>Hardshrink's backward over Half, correctly rounded, in PyTorch's order (gradOutput, input, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="lambd">The threshold; as the float overload.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, as for the float overload.</exception>
    public static void HardshrinkBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination, float lambd = 0.5f)
    {
        RequireLambd(lambd);
        HalfAdapter.Backward(new ShrinkBackwardOperator(lambd), gradOutput, input, destination, nameof(input), static (g, s, p, q) => g * HardshrinkMath.Derivative(s, p), lambd, 0);
    }
}
