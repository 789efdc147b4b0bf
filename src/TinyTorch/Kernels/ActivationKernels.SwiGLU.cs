using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>
    /// SwiGLU along the last dim: each row of <paramref name="rowLength"/> floats is split into halves a and b, and its
    /// rowLength/2 outputs are a·SiLU(b) = a·b·σ(b), each within 0.57 ULP of the true value (a subnormal one within 0.79 ULP in subnormal spacing, 2^-149): a·b exact, one pair division. b = −∞ gives ±0, SiLU's limit; the rows' outputs are written one after the other.
    /// </summary>
    /// <param name="x">The input: a whole number of rows.</param>
    /// <param name="destination">Receives x.Length/2 results; must not overlap x.</param>
    /// <param name="rowLength">The length of each row, even.</param>
    public static void SwiGLU(ReadOnlySpan<float> x, Span<float> destination, int rowLength) =>
        Gate<SwiGLUOperator>(x, destination, rowLength, 1, nameof(rowLength), "stride");

    /// <summary>
    /// SwiGLU along a dim that is not the last: the input is viewed as [outer, <paramref name="axisLength"/>,
    /// <paramref name="stride"/>] in row-major order, halved along the middle axis (a = its first axisLength/2 entries,
    /// b = the rest), and the output is [outer, axisLength/2, stride].
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives x.Length/2 results; must not overlap x.</param>
    /// <param name="axisLength">The size of the halved dimension, even.</param>
    /// <param name="stride">The product of the dimensions after it (1 for the last dimension).</param>
    public static void SwiGLUStrided(ReadOnlySpan<float> x, Span<float> destination, int axisLength, int stride) =>
        Gate<SwiGLUOperator>(x, destination, axisLength, stride, nameof(axisLength), nameof(stride));

    /// <summary>SwiGLU's backward per row: dL/da = g·SiLU(b) and dL/db = g·a·SiLU′(b), SiLU′(b) = σ(b)(1 + b(1 − σ(b))).</summary>
    /// <param name="gradOutput">dL/dy, half as long as the input.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx, as long as the input; must overlap neither.</param>
    /// <param name="rowLength">The length of each input row, even.</param>
    public static void SwiGLUBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, int rowLength) =>
        GateBackward<SwiGLUOperator>(gradOutput, input, destination, rowLength, 1, nameof(rowLength), "stride");

    /// <summary>SwiGLU's backward along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>].</summary>
    /// <param name="gradOutput">dL/dy, [outer, axisLength/2, stride].</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx, as long as the input; must overlap neither.</param>
    /// <param name="axisLength">The size of the halved dimension, even.</param>
    /// <param name="stride">The product of the dimensions after it.</param>
    public static void SwiGLUStridedBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, int axisLength, int stride) =>
        GateBackward<SwiGLUOperator>(gradOutput, input, destination, axisLength, stride, nameof(axisLength), nameof(stride));

    /// <summary>SwiGLU over Half along the last dim: each result the Half nearest the true a·SiLU(b) (computed in float,
    /// the rare lanes near a Half rounding boundary in float64).</summary>
    /// <param name="x">The input: a whole number of rows.</param>
    /// <param name="destination">Receives x.Length/2 results; must not overlap x.</param>
    /// <param name="rowLength">The length of each row, even.</param>
    public static void SwiGLU(ReadOnlySpan<Half> x, Span<Half> destination, int rowLength) =>
        GateHalf(x, destination, rowLength, 1, nameof(rowLength), "stride", SwiGLUStrided, SwiGLUMath.Forward);

    /// <summary>SwiGLU over Half along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>], correctly rounded.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives x.Length/2 results; must not overlap x.</param>
    /// <param name="axisLength">The size of the halved dimension, even.</param>
    /// <param name="stride">The product of the dimensions after it (1 for the last dimension).</param>
    public static void SwiGLUStrided(ReadOnlySpan<Half> x, Span<Half> destination, int axisLength, int stride) =>
        GateHalf(x, destination, axisLength, stride, nameof(axisLength), nameof(stride), SwiGLUStrided, SwiGLUMath.Forward);

    /// <summary>SwiGLU's backward over Half per row: dL/da and dL/db, each the Half nearest the true value.</summary>
    /// <param name="gradOutput">dL/dy, half as long as the input.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx, as long as the input; must overlap neither.</param>
    /// <param name="rowLength">The length of each input row, even.</param>
    public static void SwiGLUBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination, int rowLength) =>
        GateBackwardHalf(gradOutput, input, destination, rowLength, 1, nameof(rowLength), "stride", SwiGLUStridedBackward, SwiGLUMath.DerivativeA, SwiGLUMath.DerivativeB);

    /// <summary>SwiGLU's backward over Half along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>].</summary>
    /// <param name="gradOutput">dL/dy, [outer, axisLength/2, stride].</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx, as long as the input; must overlap neither.</param>
    /// <param name="axisLength">The size of the halved dimension, even.</param>
    /// <param name="stride">The product of the dimensions after it.</param>
    public static void SwiGLUStridedBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination, int axisLength, int stride) =>
        GateBackwardHalf(gradOutput, input, destination, axisLength, stride, nameof(axisLength), nameof(stride), SwiGLUStridedBackward, SwiGLUMath.DerivativeA, SwiGLUMath.DerivativeB);
}
