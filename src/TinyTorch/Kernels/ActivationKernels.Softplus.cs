using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = (1/beta)·ln(1 + e^(beta·x[i])), or x[i] where beta·x[i] &gt; threshold, as PyTorch; within
    /// 0.75 ULP (no overflow of e^(beta·x), no loss in the tail where e^(beta·x) is tiny), NaN propagating.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="beta">The sharpness (PyTorch's default 1); finite and above 0.</param>
    /// <param name="threshold">Above it (in beta·x) the result is x (PyTorch's default 20); finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not a finite number above 0, or
    /// <paramref name="threshold"/> is NaN or infinite.</exception>
    public static void Softplus(ReadOnlySpan<float> x, Span<float> destination, float beta = 1f, float threshold = 20f)
    {
        RequirePositive(beta, nameof(beta));
        RequireFinite(threshold, nameof(threshold));
        Unary(new SoftplusOperator(beta, threshold), x, destination);
    }

    /// <summary>Softplus's backward, from the input: destination[i] = gradOutput[i]·σ(beta·input[i]), or gradOutput[i]
    /// where beta·input[i] &gt; threshold (PyTorch's softplus_backward).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="beta">The beta the forward used.</param>
    /// <param name="threshold">The threshold the forward used.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not a finite number above 0, or
    /// <paramref name="threshold"/> is NaN or infinite.</exception>
    public static void SoftplusBackward(
        ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, float beta = 1f, float threshold = 20f)
    {
        RequirePositive(beta, nameof(beta));
        RequireFinite(threshold, nameof(threshold));
        Backward(new SoftplusBackwardOperator(beta, threshold), gradOutput, input, destination, nameof(input));
    }

    /// <summary>Softplus over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="beta">The sharpness; as the float overload.</param>
    /// <param name="threshold">Where it turns linear; as the float overload.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, as for the float overload.</exception>
    public static void Softplus(ReadOnlySpan<Half> x, Span<Half> destination, float beta = 1f, float threshold = 20f)
    {
        RequirePositive(beta, nameof(beta));
        RequireFinite(threshold, nameof(threshold));
        HalfAdapter.Unary(new SoftplusOperator(beta, threshold), x, destination, static (v, p, q) => SoftplusMath.Forward(v, p, q), beta, threshold);
    }

    /// <summary>Softplus's backward over Half, correctly rounded, in PyTorch's order (gradOutput, input, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="beta">The sharpness; as the float overload.</param>
    /// <param name="threshold">Where it turns linear; as the float overload.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, as for the float overload.</exception>
    public static void SoftplusBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination, float beta = 1f, float threshold = 20f)
    {
        RequirePositive(beta, nameof(beta));
        RequireFinite(threshold, nameof(threshold));
        HalfAdapter.Backward(new SoftplusBackwardOperator(beta, threshold), gradOutput, input, destination, nameof(input), static (g, s, p, q) => g * SoftplusMath.Derivative(s, p, q), beta, threshold);
    }
}
