using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>
    /// GeGLU along the last dim: each row of <paramref name="rowLength"/> floats is split into halves a and b, and its
    /// rowLength/2 outputs are a·GELU(b) in the chosen form. The tanh and sigmoid forms are (a·b)/(1 + e^(−z)) rounded
    /// once, within 0.57 ULP of the true value (a subnormal one within 0.79 ULP in subnormal spacing, 2^-149); the exact form is a times GELU(b)
    /// rounded, within 4 ULP by its proof (GeGLUExactFormOperator's remarks).
    /// </summary>
    /// <param name="x">The input: a whole number of rows.</param>
    /// <param name="destination">Receives x.Length/2 results; must not overlap x.</param>
    /// <param name="rowLength">The length of each row, even.</param>
    /// <param name="approximate">The GELU form; the tanh form by default, as T5 v1.1's gated-gelu.</param>
    public static void GeGLU(ReadOnlySpan<float> x, Span<float> destination, int rowLength, GeluApproximation approximate = GeluApproximation.Tanh) =>
        GeGLUStrided(x, destination, rowLength, 1, approximate, nameof(rowLength), "stride");

    /// <summary>GeGLU along a dim that is not the last, the input viewed as [outer, <paramref name="axisLength"/>,
    /// <paramref name="stride"/>] and halved along the middle axis, as <see cref="GLUStrided(ReadOnlySpan{float}, Span{float}, int, int)"/>.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives x.Length/2 results; must not overlap x.</param>
    /// <param name="axisLength">The size of the halved dimension, even.</param>
    /// <param name="stride">The product of the dimensions after it (1 for the last dimension).</param>
    /// <param name="approximate">The GELU form.</param>
    public static void GeGLUStrided(ReadOnlySpan<float> x, Span<float> destination, int axisLength, int stride, GeluApproximation approximate = GeluApproximation.Tanh) =>
        GeGLUStrided(x, destination, axisLength, stride, approximate, nameof(axisLength), nameof(stride));

    /// <summary>GeGLU's backward per row: dL/da = g·GELU(b) and dL/db = g·a·GELU′(b), for the forward's form.</summary>
    /// <param name="gradOutput">dL/dy, half as long as the input.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx, as long as the input; must overlap neither.</param>
    /// <param name="rowLength">The length of each input row, even.</param>
    /// <param name="approximate">The form the forward used.</param>
    public static void GeGLUBackward(
        ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, int rowLength, GeluApproximation approximate = GeluApproximation.Tanh) =>
        GeGLUStridedBackward(gradOutput, input, destination, rowLength, 1, approximate, nameof(rowLength), "stride");

    /// <summary>GeGLU's backward along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>].</summary>
    /// <param name="gradOutput">dL/dy, [outer, axisLength/2, stride].</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx, as long as the input; must overlap neither.</param>
    /// <param name="axisLength">The size of the halved dimension, even.</param>
    /// <param name="stride">The product of the dimensions after it.</param>
    /// <param name="approximate">The form the forward used.</param>
    public static void GeGLUStridedBackward(
        ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, int axisLength, int stride,
        GeluApproximation approximate = GeluApproximation.Tanh) =>
        GeGLUStridedBackward(gradOutput, input, destination, axisLength, stride, approximate, nameof(axisLength), nameof(stride));

    private static void GeGLUStrided(
        ReadOnlySpan<float> x, Span<float> destination, int axisLength, int stride, GeluApproximation approximate, string axisName, string strideName)
    {
        switch (approximate)
        {
            case GeluApproximation.Tanh: Gate<GeGLUTanhFormOperator>(x, destination, axisLength, stride, axisName, strideName); break;
            case GeluApproximation.Sigmoid: Gate<GeGLUSigmoidFormOperator>(x, destination, axisLength, stride, axisName, strideName); break;
            case GeluApproximation.None: Gate<GeGLUExactFormOperator>(x, destination, axisLength, stride, axisName, strideName); break;
            default: throw UnknownForm(approximate);
        }
    }

    private static void GeGLUStridedBackward(
        ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, int axisLength, int stride,
        GeluApproximation approximate, string axisName, string strideName)
    {
        switch (approximate)
        {
            case GeluApproximation.Tanh: GateBackward<GeGLUTanhFormOperator>(gradOutput, input, destination, axisLength, stride, axisName, strideName); break;
            case GeluApproximation.Sigmoid: GateBackward<GeGLUSigmoidFormOperator>(gradOutput, input, destination, axisLength, stride, axisName, strideName); break;
            case GeluApproximation.None: GateBackward<GeGLUExactFormOperator>(gradOutput, input, destination, axisLength, stride, axisName, strideName); break;
            default: throw UnknownForm(approximate);
        }
    }

    /// <summary>GeGLU over Half along the last dim: each result the Half nearest the true a·GELU(b) of the chosen form (computed in float,
    /// the rare lanes near a Half rounding boundary in float64).</summary>
    /// <param name="x">The input: a whole number of rows.</param>
    /// <param name="destination">Receives x.Length/2 results; must not overlap x.</param>
    /// <param name="rowLength">The length of each row, even.</param>
    /// <param name="approximate">The GELU form; the tanh form by default, as the float overload.</param>
    public static void GeGLU(ReadOnlySpan<Half> x, Span<Half> destination, int rowLength, GeluApproximation approximate = GeluApproximation.Tanh) =>
        GateHalf(x, destination, rowLength, 1, nameof(rowLength), "stride", (x, d, n, s) => GeGLUStrided(x, d, n, s, approximate), (a, b) => GeGLUMath.Forward(a, b, approximate));

    /// <summary>GeGLU over Half along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>], correctly rounded.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives x.Length/2 results; must not overlap x.</param>
    /// <param name="axisLength">The size of the halved dimension, even.</param>
    /// <param name="stride">The product of the dimensions after it (1 for the last dimension).</param>
    /// <param name="approximate">The GELU form; the tanh form by default, as the float overload.</param>
    public static void GeGLUStrided(ReadOnlySpan<Half> x, Span<Half> destination, int axisLength, int stride, GeluApproximation approximate = GeluApproximation.Tanh) =>
        GateHalf(x, destination, axisLength, stride, nameof(axisLength), nameof(stride), (x, d, n, s) => GeGLUStrided(x, d, n, s, approximate), (a, b) => GeGLUMath.Forward(a, b, approximate));

    /// <summary>GeGLU's backward over Half per row: dL/da and dL/db, each the Half nearest the true value.</summary>
    /// <param name="gradOutput">dL/dy, half as long as the input.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx, as long as the input; must overlap neither.</param>
    /// <param name="rowLength">The length of each input row, even.</param>
    /// <param name="approximate">The form the forward used.</param>
    public static void GeGLUBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination, int rowLength, GeluApproximation approximate = GeluApproximation.Tanh) =>
        GateBackwardHalf(gradOutput, input, destination, rowLength, 1, nameof(rowLength), "stride", (g, x, d, n, s) => GeGLUStridedBackward(g, x, d, n, s, approximate), (a, b) => GeGLUMath.DerivativeA(a, b, approximate), (a, b) => GeGLUMath.DerivativeB(a, b, approximate));

    /// <summary>GeGLU's backward over Half along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>].</summary>
    /// <param name="gradOutput">dL/dy, [outer, axisLength/2, stride].</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx, as long as the input; must overlap neither.</param>
    /// <param name="axisLength">The size of the halved dimension, even.</param>
    /// <param name="stride">The product of the dimensions after it.</param>
    /// <param name="approximate">The form the forward used.</param>
    public static void GeGLUStridedBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination, int axisLength, int stride, GeluApproximation approximate = GeluApproximation.Tanh) =>
        GateBackwardHalf(gradOutput, input, destination, axisLength, stride, nameof(axisLength), nameof(stride), (g, x, d, n, s) => GeGLUStridedBackward(g, x, d, n, s, approximate), (a, b) => GeGLUMath.DerivativeA(a, b, approximate), (a, b) => GeGLUMath.DerivativeB(a, b, approximate));
}
