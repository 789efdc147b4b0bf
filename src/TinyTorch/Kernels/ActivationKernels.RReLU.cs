using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>
    /// RReLU in training: destination[i] = x[i]·noise[i], where noise[i] is a slope drawn uniformly from
    /// [lower, upper] for x[i] ≤ 0 (at ±0 too, as PyTorch) and 1 elsewhere (x &gt; 0, NaN). One rounding.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="noise">Receives the slopes, for <see cref="RReLUBackward"/>; separate memory from x and destination.</param>
    /// <param name="lower">The lowest slope: finite, at most <paramref name="upper"/>.</param>
    /// <param name="upper">The highest slope: finite.</param>
    /// <param name="seed">This call's seed: element i's slope comes from draw i of SplitMix64(seed), so the same seed
    /// gives the same slopes on every thread count and platform.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or lower &gt; upper.</exception>
    /// <exception cref="ArgumentException">A destination is too short or overlaps what it must not.</exception>
    public static void RReLU(ReadOnlySpan<float> x, Span<float> destination, Span<float> noise, float lower, float upper, ulong seed)
    {
        RequireRReLUBounds(lower, upper);
        SpanChecks.Destination(x, destination, nameof(x));
        SpanChecks.Destination(x, noise, nameof(x), nameof(noise));
        NoOverlap(x, noise, nameof(x), nameof(noise));
        NoOverlap(destination, noise, nameof(destination), nameof(noise));
        RReLUKernel.Training(x, destination[..x.Length], noise[..x.Length], lower, upper, seed);
    }

    /// <summary>
    /// RReLU's backward in training, PyTorch's rrelu_with_noise_backward: destination[i] = gradOutput[i]·noise[i].
    /// In evaluation mode RReLU is LeakyReLU at <see cref="RReLUEvaluationSlope"/>, and so is its backward
    /// (<see cref="LeakyReLUBackward"/>).
    /// </summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="noise">The slopes the forward drew.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <exception cref="ArgumentException">Lengths differ, or the destination is too short or partially overlaps.</exception>
    public static void RReLUBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> noise, Span<float> destination) =>
        Backward(default(RReLUBackwardOperator), gradOutput, noise, destination, nameof(noise));

    /// <summary>
    /// RReLU's slope in evaluation mode, (lower + upper)/2, computed in double and rounded once to float, as PyTorch
    /// computes it (a double tensor, handed to leaky_relu as a float).
    /// </summary>
    /// <param name="lower">The lowest slope.</param>
    /// <param name="upper">The highest slope.</param>
    /// <returns>The mean slope.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or lower &gt; upper.</exception>
    public static float RReLUEvaluationSlope(float lower, float upper)
    {
        RequireRReLUBounds(lower, upper);
        return (float)(((double)lower + upper) / 2);
    }

    /// <summary>RReLU's bounds must be finite numbers with lower ≤ upper.</summary>
    internal static void RequireRReLUBounds(float lower, float upper)
    {
        RequireFinite(lower, nameof(lower));
        RequireFinite(upper, nameof(upper));
        if (lower > upper)
        {
            // PyTorch's words: "Lower bound should be less than or equal to the upper bound".
            throw new ArgumentOutOfRangeException(
                nameof(lower), lower, $"Lower bound should be less than or equal to the upper bound, but lower = {lower} and upper = {upper}.");
        }
    }
}
