namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>
    /// Log-softmax of each consecutive row of <paramref name="rowLength"/> elements: xᵢ − m − ln Σⱼ e^(xⱼ − m) in one
    /// step (never log of a softmax, which loses everything below e^-88), within 1 ULP of the true value (proven ≤ 0.69
    /// ULP for rows up to 65 536 entries of any values, and by the same count up to 2^20; measured 0.55); PyTorch's edges (a NaN or +∞ in a row, or an all −∞ row, gives a NaN row;
    /// −∞ beside finite values gives −∞).
    /// </summary>
    /// <param name="x">The input: a whole number of rows.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="rowLength">The length of each row (the normalized dimension).</param>
    public static void LogSoftmax(ReadOnlySpan<float> x, Span<float> destination, int rowLength)
    {
        SpanChecks.Destination(x, destination, nameof(x));
        int outer = SoftmaxOuter(x.Length, rowLength, 1, nameof(x), nameof(rowLength), "stride");
        LogSoftmaxKernel.Forward(x, destination, outer, rowLength, 1);
    }

    /// <summary>
    /// Log-softmax along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>] in row-major
    /// order, each slice along the middle axis normalized, within 1 ULP of the true value (proven ≤ 0.69 ULP for every
    /// normal result, for slices of any length up to 2^20, with no slow path where one entry dominates); PyTorch's edges
    /// as <see cref="LogSoftmax(ReadOnlySpan{float}, Span{float}, int)"/>. Each slice's bits are its own (the same at every vector width and thread count), but
    /// not always <see cref="LogSoftmax(ReadOnlySpan{float}, Span{float}, int)"/>'s on the transposed data: the two sum in different orders.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="axisLength">The size of the normalized dimension.</param>
    /// <param name="stride">The product of the dimensions after it (1 for the last dimension).</param>
    public static void LogSoftmaxStrided(ReadOnlySpan<float> x, Span<float> destination, int axisLength, int stride)
    {
        SpanChecks.Destination(x, destination, nameof(x));
        int outer = SoftmaxOuter(x.Length, axisLength, stride, nameof(x), nameof(axisLength), nameof(stride));
        LogSoftmaxKernel.Forward(x, destination, outer, axisLength, stride);
    }

    /// <summary>
    /// Log-softmax's backward per row, from its output y: destination = g − e^y·Σg (e^y is the softmax), within
    /// 1 ULP + 2^-31·|e^y·Σg| of the true value.
    /// </summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y (≤ 0).</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="rowLength">The length of each row.</param>
    public static void LogSoftmaxBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> output, Span<float> destination, int rowLength)
    {
        CheckBackward(gradOutput, output, destination, nameof(output));
        int outer = SoftmaxOuter(output.Length, rowLength, 1, nameof(output), nameof(rowLength), "stride");
        LogSoftmaxKernel.Backward(gradOutput, output, destination, outer, rowLength, 1);
    }

    /// <summary>
    /// Log-softmax's backward along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>]:
    /// destination = g − e^y·Σg per slice, within 1 ULP + 2^-31·|e^y·Σg| of the true value.
    /// </summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y (≤ 0).</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="axisLength">The size of the normalized dimension.</param>
    /// <param name="stride">The product of the dimensions after it.</param>
    public static void LogSoftmaxStridedBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> output, Span<float> destination, int axisLength, int stride)
    {
        CheckBackward(gradOutput, output, destination, nameof(output));
        int outer = SoftmaxOuter(output.Length, axisLength, stride, nameof(output), nameof(axisLength), nameof(stride));
        LogSoftmaxKernel.Backward(gradOutput, output, destination, outer, axisLength, stride);
    }

    /// <summary>Log-softmax over Half of each consecutive row, correctly rounded (the Half nearest the true value:
    /// computed in float, the rare lanes near a Half rounding boundary in float64 from the row). PyTorch's edges, as the
    /// float overload.</summary>
    /// <param name="x">The input: a whole number of rows.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="rowLength">The length of each row (the normalized dimension).</param>
    public static void LogSoftmax(ReadOnlySpan<Half> x, Span<Half> destination, int rowLength)
    {
        SpanChecks.Destination(x, destination, nameof(x));
        int outer = SoftmaxOuter(x.Length, rowLength, 1, nameof(x), nameof(rowLength), "stride");
        HalfLogSoftmax.Forward(x, destination[..x.Length], outer, rowLength, 1);
    }

    /// <summary>Log-softmax over Half along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>],
    /// correctly rounded.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="axisLength">The size of the normalized dimension.</param>
    /// <param name="stride">The product of the dimensions after it (1 for the last dimension).</param>
    public static void LogSoftmaxStrided(ReadOnlySpan<Half> x, Span<Half> destination, int axisLength, int stride)
    {
        SpanChecks.Destination(x, destination, nameof(x));
        int outer = SoftmaxOuter(x.Length, axisLength, stride, nameof(x), nameof(axisLength), nameof(stride));
        HalfLogSoftmax.Forward(x, destination[..x.Length], outer, axisLength, stride);
    }

    /// <summary>Log-softmax's backward over Half per row, from its output y: g − e^y·Σg, correctly rounded.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y (≤ 0).</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="rowLength">The length of each row.</param>
    public static void LogSoftmaxBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> output, Span<Half> destination, int rowLength)
    {
        HalfAdapter.CheckBackward(gradOutput, output, destination, nameof(output));
        int outer = SoftmaxOuter(output.Length, rowLength, 1, nameof(output), nameof(rowLength), "stride");
        HalfLogSoftmax.Backward(gradOutput, output, destination[..output.Length], outer, rowLength, 1);
    }

    /// <summary>Log-softmax's backward over Half along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>].</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y (≤ 0).</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="axisLength">The size of the normalized dimension.</param>
    /// <param name="stride">The product of the dimensions after it.</param>
    public static void LogSoftmaxStridedBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> output, Span<Half> destination, int axisLength, int stride)
    {
        HalfAdapter.CheckBackward(gradOutput, output, destination, nameof(output));
        int outer = SoftmaxOuter(output.Length, axisLength, stride, nameof(output), nameof(axisLength), nameof(stride));
        HalfLogSoftmax.Backward(gradOutput, output, destination[..output.Length], outer, axisLength, stride);
    }
}
