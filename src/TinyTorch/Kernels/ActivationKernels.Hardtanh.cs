using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = min(max(x[i], minVal), maxVal); exact, NaN propagating, −0 kept inside the bounds,
    /// as PyTorch.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="minVal">The lower bound (PyTorch's default −1); finite.</param>
    /// <param name="maxVal">The upper bound (PyTorch's default 1); finite, at least <paramref name="minVal"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or <paramref name="minVal"/> exceeds
    /// <paramref name="maxVal"/>.</exception>
    public static void Hardtanh(ReadOnlySpan<float> x, Span<float> destination, float minVal = -1f, float maxVal = 1f)
    {
        RequireBounds(minVal, maxVal);
        Unary(new HardtanhOperator(minVal, maxVal), x, destination);
    }

    /// <summary>Hardtanh's backward: destination[i] = gradOutput[i] strictly inside (minVal, maxVal), 0 elsewhere (at
    /// the bounds and for NaN too, as PyTorch).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y; its input x gives the same result (y = x strictly inside the bounds).</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="minVal">The lower bound the forward used.</param>
    /// <param name="maxVal">The upper bound the forward used.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or <paramref name="minVal"/> exceeds
    /// <paramref name="maxVal"/>.</exception>
    public static void HardtanhBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> output, Span<float> destination, float minVal = -1f, float maxVal = 1f)
    {
        RequireBounds(minVal, maxVal);
        Backward(new HardtanhBackwardOperator(minVal, maxVal), gradOutput, output, destination, nameof(output));
    }

    /// <summary>Hardtanh's bounds must be finite, minVal ≤ maxVal.</summary>
    internal static void RequireBounds(float minVal, float maxVal)
    {
        RequireFinite(minVal, nameof(minVal));
        RequireFinite(maxVal, nameof(maxVal));
        if (minVal > maxVal)
        {
            throw new ArgumentOutOfRangeException(nameof(minVal), minVal, $"minVal must not exceed maxVal, but got minVal = {minVal} and maxVal = {maxVal}.");
        }
    }

    /// <summary>Hardtanh over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="minVal">The lower bound; as the float overload.</param>
    /// <param name="maxVal">The upper bound; as the float overload.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, as for the float overload.</exception>
    public static void Hardtanh(ReadOnlySpan<Half> x, Span<Half> destination, float minVal = -1f, float maxVal = 1f)
    {
        RequireBounds(minVal, maxVal);
        HalfAdapter.Unary(new HardtanhOperator(minVal, maxVal), x, destination, static (v, p, q) => HardtanhMath.Forward(v, p, q), minVal, maxVal);
    }

    /// <summary>Hardtanh's backward over Half, correctly rounded, in PyTorch's order (gradOutput, output, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="minVal">The lower bound; as the float overload.</param>
    /// <param name="maxVal">The upper bound; as the float overload.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, as for the float overload.</exception>
    public static void HardtanhBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> output, Span<Half> destination, float minVal = -1f, float maxVal = 1f)
    {
        RequireBounds(minVal, maxVal);
        HalfAdapter.Backward(new HardtanhBackwardOperator(minVal, maxVal), gradOutput, output, destination, nameof(output), static (g, s, p, q) => s > p && s < q ? g : 0, minVal, maxVal);
    }
}
