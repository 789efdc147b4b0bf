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
    /// <param name="noise">Receives the slopes, for <see cref="RReLUBackward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>; separate memory from x and destination.</param>
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
    /// (<see cref="LeakyReLUBackward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, float)"/>).
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

    /// <summary>
    /// RReLU in training over Half: the slopes are drawn as by the float overload (the same seed gives the same
    /// draws), rounded to Half into <paramref name="noise"/> (PyTorch keeps Half noise for Half input), and
    /// destination[i] = x[i]·noise[i] rounded once: a product of two Halfs is exact in float, so it is correctly rounded.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="noise">Receives the slopes, for the Half <c>RReLUBackward</c>; separate memory from x and destination.</param>
    /// <param name="lower">The lowest slope: finite, at most <paramref name="upper"/>.</param>
    /// <param name="upper">The highest slope: finite.</param>
    /// <param name="seed">This call's seed, as for the float overload.</param>
    /// <remarks>Widens the whole input into pooled float buffers (the draws are numbered across the whole call).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or lower &gt; upper.</exception>
    /// <exception cref="ArgumentException">A destination is too short or overlaps what it must not.</exception>
    public static void RReLU(ReadOnlySpan<Half> x, Span<Half> destination, Span<Half> noise, float lower, float upper, ulong seed)
    {
        RequireRReLUBounds(lower, upper);
        SpanChecks.Destination(x, destination, nameof(x));
        SpanChecks.Destination(x, noise, nameof(x), nameof(noise));
        NoOverlap<Half>(x, noise, nameof(x), nameof(noise));
        NoOverlap<Half>(destination, noise, nameof(destination), nameof(noise));
        int n = x.Length;
        float[] a = HalfAdapter.RentWidened(x);
        float[] slopes = System.Buffers.ArrayPool<float>.Shared.Rent(Math.Max(n, 1));
        float[] product = System.Buffers.ArrayPool<float>.Shared.Rent(Math.Max(n, 1));
        try
        {
            Span<float> xs = a.AsSpan(0, n), r = slopes.AsSpan(0, n);
            RReLUKernel.Training(xs, product.AsSpan(0, n), r, lower, upper, seed);   // only the slopes are kept
            System.Numerics.Tensors.TensorPrimitives.ConvertToHalf(r, noise);
            System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(noise[..n], r);
            System.Numerics.Tensors.TensorPrimitives.Multiply(xs, r, xs);
            System.Numerics.Tensors.TensorPrimitives.ConvertToHalf(xs, destination);
        }
        finally
        {
            HalfAdapter.Return(a);
            HalfAdapter.Return(slopes);
            HalfAdapter.Return(product);
        }
    }

    /// <summary>RReLU's backward in training over Half: destination[i] = gradOutput[i]·noise[i], correctly rounded.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="noise">The slopes the forward drew.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <exception cref="ArgumentException">Lengths differ, or the destination is too short or partially overlaps.</exception>
    public static void RReLUBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> noise, Span<Half> destination) =>
        HalfAdapter.Backward(default(RReLUBackwardOperator), gradOutput, noise, destination, nameof(noise), static (g, s, _, _) => g * s);
}
