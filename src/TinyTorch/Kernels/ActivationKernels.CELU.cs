using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = max(0, x) + min(0, alpha·(e^(x/alpha) − 1)) at x = x[i]; within 0.76 ULP (x/alpha carried
    /// as a pair), ±0 → +0, NaN propagating, as PyTorch.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="alpha">The saturation value below 0 is −alpha (PyTorch's default 1); finite and above 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not a finite number above 0.</exception>
    public static void CELU(ReadOnlySpan<float> x, Span<float> destination, float alpha = 1f)
    {
        RequirePositive(alpha, nameof(alpha));
        Unary(new ELUOperator(alpha, 0f, 1f, 0f, alpha), x, destination);
    }

    /// <summary>CELU's backward, from the input: destination[i] = gradOutput[i] where input[i] &gt; 0 (and NaN),
    /// gradOutput[i]·e^(input[i]/alpha) elsewhere (1 at 0, as PyTorch).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="alpha">The alpha the forward used.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not a finite number above 0.</exception>
    public static void CELUBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, float alpha = 1f)
    {
        RequirePositive(alpha, nameof(alpha));
        Backward(new ELUBackwardOperator(1f, 1f, alpha), gradOutput, input, destination, nameof(input));
    }
}
