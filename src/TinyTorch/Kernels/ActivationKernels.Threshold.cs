using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = value where x[i] ≤ threshold, x[i] elsewhere; exact, NaN passing through, as PyTorch.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="threshold">At or below it, x is replaced; any number (±∞ included), not NaN.</param>
    /// <param name="value">The replacement; any float, as PyTorch.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN.</exception>
    public static void Threshold(ReadOnlySpan<float> x, Span<float> destination, float threshold, float value)
    {
        RequireNotNaN(threshold, nameof(threshold));
        Unary(new ThresholdOperator(threshold, value), x, destination);
    }

    /// <summary>Threshold's backward: destination[i] = 0 where input[i] ≤ threshold, gradOutput[i] elsewhere (NaN
    /// inputs too, as PyTorch).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="threshold">The threshold the forward used.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN.</exception>
    public static void ThresholdBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, float threshold)
    {
        RequireNotNaN(threshold, nameof(threshold));
        Backward(new ThresholdBackwardOperator(threshold), gradOutput, input, destination, nameof(input));
    }

    /// <summary>A parameter compared against must be a number: NaN fails every compare, silently.</summary>
    internal static void RequireNotNaN(float value, string paramName)
    {
        if (float.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a number, but got NaN.");
        }
    }

    /// <summary>Threshold over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="threshold">The threshold; as the float overload.</param>
    /// <param name="value">The replacement; as the float overload.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, as for the float overload.</exception>
    public static void Threshold(ReadOnlySpan<Half> x, Span<Half> destination, float threshold, float value)
    {
        RequireNotNaN(threshold, nameof(threshold));
        HalfAdapter.Unary(new ThresholdOperator(threshold, value), x, destination, static (v, p, q) => ThresholdMath.Forward(v, p, q), threshold, value);
    }

    /// <summary>Threshold's backward over Half, correctly rounded, in PyTorch's order (gradOutput, input, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="threshold">The threshold; as the float overload.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, as for the float overload.</exception>
    public static void ThresholdBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination, float threshold)
    {
        RequireNotNaN(threshold, nameof(threshold));
        HalfAdapter.Backward(new ThresholdBackwardOperator(threshold), gradOutput, input, destination, nameof(input), static (g, s, p, q) => g * ThresholdMath.Derivative(s, p), threshold, 0);
    }
}
