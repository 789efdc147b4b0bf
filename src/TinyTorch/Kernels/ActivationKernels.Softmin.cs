using System.Numerics;
using System.Runtime.InteropServices;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>
    /// Softmin of each consecutive row of <paramref name="rowLength"/> elements: softmax(−x), by negating into
    /// <paramref name="destination"/> (exact) and running <see cref="Softmax(ReadOnlySpan{float}, Span{float}, int)"/> there in place, so its bounds and edges are
    /// softmax's (within 2 ULP; a NaN, a −∞ or an all +∞ row gives a NaN row; +∞ beside finite values gives exactly 0).
    /// </summary>
    /// <param name="x">The input: a whole number of rows.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="rowLength">The length of each row.</param>
    public static void Softmin(ReadOnlySpan<float> x, Span<float> destination, int rowLength)
    {
        SpanChecks.Destination(x, destination, nameof(x));
        int outer = SoftmaxOuter(x.Length, rowLength, 1, nameof(x), nameof(rowLength), "stride");
        Negate(x, destination);
        SoftmaxKernel.Forward(destination[..x.Length], destination, outer, rowLength, 1);
    }

    /// <summary>Softmin along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>]: softmax(−x), within softmax's bounds.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="axisLength">The size of the normalized dimension.</param>
    /// <param name="stride">The product of the dimensions after it (1 for the last dimension).</param>
    public static void SoftminStrided(ReadOnlySpan<float> x, Span<float> destination, int axisLength, int stride)
    {
        SpanChecks.Destination(x, destination, nameof(x));
        int outer = SoftmaxOuter(x.Length, axisLength, stride, nameof(x), nameof(axisLength), nameof(stride));
        Negate(x, destination);
        SoftmaxKernel.Forward(destination[..x.Length], destination, outer, axisLength, stride);
    }

    /// <summary>Softmin's backward per row, from its output y: destination = −y ⊙ (g − Σ g·y) (softmax's, negated: exact).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="rowLength">The length of each row.</param>
    public static void SoftminBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> output, Span<float> destination, int rowLength)
    {
        CheckBackward(gradOutput, output, destination, nameof(output));
        int outer = SoftmaxOuter(output.Length, rowLength, 1, nameof(output), nameof(rowLength), "stride");
        SoftmaxKernel.Backward(output, gradOutput, destination, outer, rowLength, 1);
        Negate(destination[..output.Length], destination);
    }

    /// <summary>Softmin's backward along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>].</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="axisLength">The size of the normalized dimension.</param>
    /// <param name="stride">The product of the dimensions after it.</param>
    public static void SoftminStridedBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> output, Span<float> destination, int axisLength, int stride)
    {
        CheckBackward(gradOutput, output, destination, nameof(output));
        int outer = SoftmaxOuter(output.Length, axisLength, stride, nameof(output), nameof(axisLength), nameof(stride));
        SoftmaxKernel.Backward(output, gradOutput, destination, outer, axisLength, stride);
        Negate(destination[..output.Length], destination);
    }

    /// <summary>Softmin over Half of each consecutive row: softmax(−x), correctly rounded (as the Half softmax: the input
    /// negated exactly into <paramref name="destination"/>, then softmax there).</summary>
    /// <param name="x">The input: a whole number of rows.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="rowLength">The length of each row.</param>
    public static void Softmin(ReadOnlySpan<Half> x, Span<Half> destination, int rowLength)
    {
        SpanChecks.Destination(x, destination, nameof(x));
        int outer = SoftmaxOuter(x.Length, rowLength, 1, nameof(x), nameof(rowLength), "stride");
        Negate(x, destination);
        HalfSoftmax.Forward(destination[..x.Length], destination, outer, rowLength, 1);
    }

    /// <summary>Softmin over Half along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>],
    /// correctly rounded.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="axisLength">The size of the normalized dimension.</param>
    /// <param name="stride">The product of the dimensions after it (1 for the last dimension).</param>
    public static void SoftminStrided(ReadOnlySpan<Half> x, Span<Half> destination, int axisLength, int stride)
    {
        SpanChecks.Destination(x, destination, nameof(x));
        int outer = SoftmaxOuter(x.Length, axisLength, stride, nameof(x), nameof(axisLength), nameof(stride));
        Negate(x, destination);
        HalfSoftmax.Forward(destination[..x.Length], destination, outer, axisLength, stride);
    }

    /// <summary>Softmin's backward over Half per row: −y ⊙ (g − Σ g·y), correctly rounded (the Half softmax backward,
    /// negated: exact).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="rowLength">The length of each row.</param>
    public static void SoftminBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> output, Span<Half> destination, int rowLength)
    {
        HalfAdapter.CheckBackward(gradOutput, output, destination, nameof(output));
        int outer = SoftmaxOuter(output.Length, rowLength, 1, nameof(output), nameof(rowLength), "stride");
        HalfSoftmax.Backward(gradOutput, output, destination[..output.Length], outer, rowLength, 1);
        Negate(destination[..output.Length], destination);
    }

    /// <summary>Softmin's backward over Half along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>].</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="axisLength">The size of the normalized dimension.</param>
    /// <param name="stride">The product of the dimensions after it.</param>
    public static void SoftminStridedBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> output, Span<Half> destination, int axisLength, int stride)
    {
        HalfAdapter.CheckBackward(gradOutput, output, destination, nameof(output));
        int outer = SoftmaxOuter(output.Length, axisLength, stride, nameof(output), nameof(axisLength), nameof(stride));
        HalfSoftmax.Backward(gradOutput, output, destination[..output.Length], outer, axisLength, stride);
        Negate(destination[..output.Length], destination);
    }

    /// <summary>destination[i] = −x[i] over Half (exact: the sign bit flipped; destination may be x).</summary>
    private static void Negate(ReadOnlySpan<Half> x, Span<Half> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = -x[i];
        }
    }

    /// <summary>destination[i] = −x[i] (exact; destination may be x).</summary>
    private static void Negate(ReadOnlySpan<float> x, Span<float> destination)
    {
        ReadOnlySpan<Vector<float>> xv = MemoryMarshal.Cast<float, Vector<float>>(x);
        Span<Vector<float>> dv = MemoryMarshal.Cast<float, Vector<float>>(destination[..x.Length]);
        for (int k = 0; k < xv.Length; k++)
        {
            dv[k] = -xv[k];
        }

        for (int i = xv.Length * Vector<float>.Count; i < x.Length; i++)
        {
            destination[i] = -x[i];
        }
    }
}
