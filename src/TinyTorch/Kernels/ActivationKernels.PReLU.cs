namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>
    /// PReLU over x viewed as [outer, channels, inner] with channels = weight.Length: destination[i] = x[i] for
    /// x[i] &gt; 0, weight[c]·x[i] otherwise, c the element's channel. One rounding (≤ 0.5 ULP), NaN propagating,
    /// −0 → −0·weight[c], as PyTorch. With one weight it is LeakyReLU at that slope, bit for bit.
    /// </summary>
    /// <param name="x">The input, contiguous, a whole number of [channels, inner] slices.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="weight">The slopes, one per channel (or one for all). Used as they are: a NaN slope gives NaN
    /// where x ≤ 0, as PyTorch (a learned slope is not validated).</param>
    /// <param name="inner">The elements per channel in one slice (the product of the dims after the channel dim);
    /// ignored when <paramref name="weight"/> has one slope.</param>
    /// <exception cref="ArgumentException"><paramref name="weight"/> is empty or overlaps <paramref name="destination"/>;
    /// x is not a whole number of slices; the destination is too short or partially overlaps x.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inner"/> is negative.</exception>
    public static void PReLU(ReadOnlySpan<float> x, Span<float> destination, ReadOnlySpan<float> weight, int inner)
    {
        PReLULayout(x.Length, weight, inner, nameof(x));
        SpanChecks.Destination(x, destination, nameof(x));
        NoOverlap(weight, destination, nameof(weight), nameof(destination));
        PReLUKernel.Forward(x, destination[..x.Length], weight, inner);
    }

    /// <summary>
    /// PReLU's backward, PyTorch's _prelu_kernel_backward: destination[i] = gradOutput[i] where input[i] &gt; 0,
    /// gradOutput[i]·weight[c] elsewhere (at 0 and for NaN too); weightGrad[c] = Σ input[i]·gradOutput[i] over the
    /// elements of channel c where input[i] ≤ 0 or is NaN.
    /// </summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="weight">The slopes the forward used.</param>
    /// <param name="inner">As in <see cref="PReLU(ReadOnlySpan{float}, Span{float}, ReadOnlySpan{float}, int)"/>.</param>
    /// <param name="weightGrad">Receives dL/dweight, one value per slope (overwritten, not added to).</param>
    /// <remarks>
    /// The sums accumulate exact products in double and round once (the error is at most n·2^-53·Σ|x·g| before that
    /// rounding), in an order fixed by the layout: the same bits on every thread count.
    /// </remarks>
    /// <exception cref="ArgumentException">Lengths differ, spans overlap, or the layout does not fit (see <see cref="PReLU(ReadOnlySpan{float}, Span{float}, ReadOnlySpan{float}, int)"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inner"/> is negative.</exception>
    public static void PReLUBackward(
        ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, ReadOnlySpan<float> weight, int inner, Span<float> weightGrad)
    {
        PReLULayout(input.Length, weight, inner, nameof(input));
        SpanChecks.SameLength(gradOutput, input, nameof(gradOutput), nameof(input));
        SpanChecks.Destination(gradOutput, destination, nameof(gradOutput));
        SpanChecks.Destination(input, destination, nameof(input));
        NoOverlap(weight, destination, nameof(weight), nameof(destination));
        SpanChecks.Destination(weight, weightGrad, nameof(weight), nameof(weightGrad));
        NoOverlap(gradOutput, weightGrad, nameof(gradOutput), nameof(weightGrad));
        NoOverlap(input, weightGrad, nameof(input), nameof(weightGrad));
        NoOverlap(destination, weightGrad, nameof(destination), nameof(weightGrad));
        PReLUKernel.Backward(gradOutput, input, destination[..input.Length], weight, inner, weightGrad);
    }

    private static void PReLULayout<T>(int length, ReadOnlySpan<T> weight, int inner, string inputName)
    {
        if (weight.IsEmpty)
        {
            throw new ArgumentException("weight is empty; PReLU needs one slope, or one per channel.", nameof(weight));
        }

        if (weight.Length == 1)
        {
            return;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(inner);
        long slice = (long)weight.Length * inner;
        if (slice == 0 ? length != 0 : length % slice != 0)
        {
            throw new ArgumentException(
                $"{inputName} has {length} elements, not a whole number of slices of {weight.Length} channels × {inner} elements.", inputName);
        }
    }

    private static void NoOverlap<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, string aName, string bName)
    {
        if (a.Overlaps(b))
        {
            throw new ArgumentException($"{bName} overlaps {aName}; they must be separate memory.", bName);
        }
    }

    /// <summary>
    /// PReLU over Half, with Half slopes: destination[i] = x[i] for x[i] &gt; 0, weight[c]·x[i] otherwise, rounded once
    /// (a product of two Halfs is exact in float, so this is correctly rounded). Widens into pooled float buffers and
    /// runs the float kernel, threads and layouts included.
    /// </summary>
    /// <param name="x">The input, contiguous, a whole number of [channels, inner] slices.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="weight">The slopes, one per channel (or one for all).</param>
    /// <param name="inner">The elements per channel in one slice; ignored with one slope.</param>
    /// <exception cref="ArgumentException">As the float overload.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inner"/> is negative.</exception>
    public static void PReLU(ReadOnlySpan<Half> x, Span<Half> destination, ReadOnlySpan<Half> weight, int inner)
    {
        PReLULayout(x.Length, weight, inner, nameof(x));
        SpanChecks.Destination(x, destination, nameof(x));
        NoOverlap<Half>(weight, destination, nameof(weight), nameof(destination));
        float[] a = HalfAdapter.RentWidened(x), w = HalfAdapter.RentWidened(weight);
        try
        {
            Span<float> xs = a.AsSpan(0, x.Length);
            PReLUKernel.Forward(xs, xs, w.AsSpan(0, weight.Length), inner);
            System.Numerics.Tensors.TensorPrimitives.ConvertToHalf(xs, destination);
        }
        finally
        {
            HalfAdapter.Return(a);
            HalfAdapter.Return(w);
        }
    }

    /// <summary>
    /// PReLU's backward over Half: destination[i] = gradOutput[i] or gradOutput[i]·weight[c], correctly rounded (one
    /// rounding of an exact product); weightGrad[c] = Σ input·gradOutput accumulated in double as the float kernel
    /// does, then rounded to float and to Half (a sum, so not covered by the correct-rounding claim).
    /// </summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="weight">The slopes the forward used.</param>
    /// <param name="inner">As for the forward.</param>
    /// <param name="weightGrad">Receives dL/dweight, one value per slope (overwritten, not added to).</param>
    /// <exception cref="ArgumentException">Lengths differ, spans overlap, or the layout does not fit.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inner"/> is negative.</exception>
    public static void PReLUBackward(
        ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination, ReadOnlySpan<Half> weight, int inner, Span<Half> weightGrad)
    {
        PReLULayout(input.Length, weight, inner, nameof(input));
        HalfAdapter.CheckBackward(gradOutput, input, destination, nameof(input));
        NoOverlap<Half>(weight, destination, nameof(weight), nameof(destination));
        SpanChecks.Destination(weight, weightGrad, nameof(weight), nameof(weightGrad));
        NoOverlap<Half>(gradOutput, weightGrad, nameof(gradOutput), nameof(weightGrad));
        NoOverlap<Half>(input, weightGrad, nameof(input), nameof(weightGrad));
        NoOverlap<Half>(destination, weightGrad, nameof(destination), nameof(weightGrad));
        int n = input.Length, c = weight.Length;
        float[] g = HalfAdapter.RentWidened(gradOutput), a = HalfAdapter.RentWidened(input), w = HalfAdapter.RentWidened(weight);
        float[] dw = System.Buffers.ArrayPool<float>.Shared.Rent(c);
        try
        {
            PReLUKernel.Backward(g.AsSpan(0, n), a.AsSpan(0, n), g.AsSpan(0, n), w.AsSpan(0, c), inner, dw.AsSpan(0, c));
            System.Numerics.Tensors.TensorPrimitives.ConvertToHalf(g.AsSpan(0, n), destination);
            System.Numerics.Tensors.TensorPrimitives.ConvertToHalf(dw.AsSpan(0, c), weightGrad);
        }
        finally
        {
            HalfAdapter.Return(g);
            HalfAdapter.Return(a);
            HalfAdapter.Return(w);
            HalfAdapter.Return(dw);
        }
    }
}
