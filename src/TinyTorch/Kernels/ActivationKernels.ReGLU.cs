using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>
    /// ReGLU along the last dim: each row of <paramref name="rowLength"/> floats is split into halves a and b, and its
    /// rowLength/2 outputs are a·max(0, b), correctly rounded (one product); NaN stays NaN; the rows' outputs are written one after the other.
    /// </summary>
    /// <param name="x">The input: a whole number of rows.</param>
    /// <param name="destination">Receives x.Length/2 results; must not overlap x.</param>
    /// <param name="rowLength">The length of each row, even.</param>
    public static void ReGLU(ReadOnlySpan<float> x, Span<float> destination, int rowLength) =>
        Gate<ReGLUOperator>(x, destination, rowLength, 1, nameof(rowLength), "stride");

    /// <summary>
    /// ReGLU along a dim that is not the last: the input is viewed as [outer, <paramref name="axisLength"/>,
    /// <paramref name="stride"/>] in row-major order, halved along the middle axis (a = its first axisLength/2 entries,
    /// b = the rest), and the output is [outer, axisLength/2, stride].
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives x.Length/2 results; must not overlap x.</param>
    /// <param name="axisLength">The size of the halved dimension, even.</param>
    /// <param name="stride">The product of the dimensions after it (1 for the last dimension).</param>
    public static void ReGLUStrided(ReadOnlySpan<float> x, Span<float> destination, int axisLength, int stride) =>
        Gate<ReGLUOperator>(x, destination, axisLength, stride, nameof(axisLength), nameof(stride));

    /// <summary>ReGLU's backward per row: dL/da = g·max(0, b) and dL/db = g·a where b &gt; 0 (and where b is NaN, as ReLU's backward), else 0.</summary>
    /// <param name="gradOutput">dL/dy, half as long as the input.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx, as long as the input; must overlap neither.</param>
    /// <param name="rowLength">The length of each input row, even.</param>
    public static void ReGLUBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, int rowLength) =>
        GateBackward<ReGLUOperator>(gradOutput, input, destination, rowLength, 1, nameof(rowLength), "stride");

    /// <summary>ReGLU's backward along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>].</summary>
    /// <param name="gradOutput">dL/dy, [outer, axisLength/2, stride].</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx, as long as the input; must overlap neither.</param>
    /// <param name="axisLength">The size of the halved dimension, even.</param>
    /// <param name="stride">The product of the dimensions after it.</param>
    public static void ReGLUStridedBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, int axisLength, int stride) =>
        GateBackward<ReGLUOperator>(gradOutput, input, destination, axisLength, stride, nameof(axisLength), nameof(stride));

    /// <summary>ReGLU over Half along the last dim: each result the Half nearest the true a·max(0, b) (computed in float,
    /// the rare lanes near a Half rounding boundary in float64).</summary>
    /// <param name="x">The input: a whole number of rows.</param>
    /// <param name="destination">Receives x.Length/2 results; must not overlap x.</param>
    /// <param name="rowLength">The length of each row, even.</param>
    public static void ReGLU(ReadOnlySpan<Half> x, Span<Half> destination, int rowLength) =>
        GateHalf(x, destination, rowLength, 1, nameof(rowLength), "stride", ReGLUStrided, ReGLUMath.Forward);

    /// <summary>ReGLU over Half along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>], correctly rounded.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives x.Length/2 results; must not overlap x.</param>
    /// <param name="axisLength">The size of the halved dimension, even.</param>
    /// <param name="stride">The product of the dimensions after it (1 for the last dimension).</param>
    public static void ReGLUStrided(ReadOnlySpan<Half> x, Span<Half> destination, int axisLength, int stride) =>
        GateHalf(x, destination, axisLength, stride, nameof(axisLength), nameof(stride), ReGLUStrided, ReGLUMath.Forward);

    /// <summary>ReGLU's backward over Half per row: dL/da and dL/db, each the Half nearest the true value.</summary>
    /// <param name="gradOutput">dL/dy, half as long as the input.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx, as long as the input; must overlap neither.</param>
    /// <param name="rowLength">The length of each input row, even.</param>
    public static void ReGLUBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination, int rowLength) =>
        GateBackwardHalf(gradOutput, input, destination, rowLength, 1, nameof(rowLength), "stride", ReGLUStridedBackward, ReGLUMath.DerivativeA, ReGLUMath.DerivativeB);

    /// <summary>ReGLU's backward over Half along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>].</summary>
    /// <param name="gradOutput">dL/dy, [outer, axisLength/2, stride].</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx, as long as the input; must overlap neither.</param>
    /// <param name="axisLength">The size of the halved dimension, even.</param>
    /// <param name="stride">The product of the dimensions after it.</param>
    public static void ReGLUStridedBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination, int axisLength, int stride) =>
        GateBackwardHalf(gradOutput, input, destination, axisLength, stride, nameof(axisLength), nameof(stride), ReGLUStridedBackward, ReGLUMath.DerivativeA, ReGLUMath.DerivativeB);
}
