using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    // The course five over Half (the family's Half overloads sit beside their float ones, one file per activation).
    // Each widens to float in chunks, runs the float operator and narrows back, correctly rounded: every result is
    // the Half nearest the float64 reference at the Half input, for all 65 536 inputs (HalfAdapter.cs says how).

    /// <summary>ReLU over Half: destination[i] = max(0, x[i]), exact; NaN stays NaN and −0 stays −0.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void ReLU(ReadOnlySpan<Half> x, Span<Half> destination) =>
        HalfAdapter.Unary(default(ReLUOperator), x, destination, static (v, _, _) => ReLUMath.Forward(v));

    /// <summary>Sigmoid over Half, correctly rounded (the Half nearest the true σ(x) at every Half input).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void Sigmoid(ReadOnlySpan<Half> x, Span<Half> destination) =>
        HalfAdapter.Unary(default(SigmoidOperator), x, destination, static (v, _, _) => SigmoidMath.Forward(v));

    /// <summary>Tanh over Half, correctly rounded.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void Tanh(ReadOnlySpan<Half> x, Span<Half> destination) =>
        HalfAdapter.Unary(default(TanhOperator), x, destination, static (v, _, _) => TanhMath.Forward(v));

    /// <summary>GELU over Half in the chosen form, correctly rounded.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="approximate">The GELU form; the sigmoid form by default, as TinyTorch.</param>
    public static void GELU(ReadOnlySpan<Half> x, Span<Half> destination, GeluApproximation approximate = GeluApproximation.Sigmoid)
    {
        switch (approximate)
        {
            case GeluApproximation.Sigmoid: HalfAdapter.Unary(default(GeluSigmoidFormOperator), x, destination, static (v, _, _) => GELUMath.SigmoidForm(v)); break;
            case GeluApproximation.Tanh: HalfAdapter.Unary(default(GeluTanhFormOperator), x, destination, static (v, _, _) => GELUMath.TanhForm(v)); break;
            case GeluApproximation.None: HalfAdapter.Unary(default(GeluExactFormOperator), x, destination, static (v, _, _) => GELUMath.ExactForm(v)); break;
            default: throw UnknownForm(approximate);
        }
    }

    /// <summary>Softmax over Half of each consecutive row of <paramref name="rowLength"/> elements, correctly rounded
    /// (computed in float, rows widened into a pooled buffer; the float64 softmax of the row decides the rare lanes
    /// near a Half rounding boundary). PyTorch's edges, as the float overload.</summary>
    /// <param name="x">The input: a whole number of rows.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="rowLength">The length of each row (the softmax dimension).</param>
    public static void Softmax(ReadOnlySpan<Half> x, Span<Half> destination, int rowLength)
    {
        SpanChecks.Destination(x, destination, nameof(x));
        int outer = SoftmaxOuter(x.Length, rowLength, 1, nameof(x), nameof(rowLength), "stride");
        HalfSoftmax.Forward(x, destination[..x.Length], outer, rowLength, 1);
    }

    /// <summary>Softmax over Half along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>],
    /// correctly rounded.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    /// <param name="axisLength">The size of the softmax dimension.</param>
    /// <param name="stride">The product of the dimensions after it (1 for the last dimension).</param>
    public static void SoftmaxStrided(ReadOnlySpan<Half> x, Span<Half> destination, int axisLength, int stride)
    {
        SpanChecks.Destination(x, destination, nameof(x));
        int outer = SoftmaxOuter(x.Length, axisLength, stride, nameof(x), nameof(axisLength), nameof(stride));
        HalfSoftmax.Forward(x, destination[..x.Length], outer, axisLength, stride);
    }

    /// <summary>ReLU's backward over Half: 0 where output[i] ≤ 0, else gradOutput[i]; exact.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output (or input).</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void ReLUBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> output, Span<Half> destination) =>
        HalfAdapter.Backward(default(ReLUBackwardOperator), gradOutput, output, destination, nameof(output), static (g, y, _, _) => y > 0 || double.IsNaN(y) ? g : 0);

    /// <summary>Sigmoid's backward over Half from its output y: gradOutput[i]·y[i](1 − y[i]), correctly rounded.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void SigmoidBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> output, Span<Half> destination) =>
        HalfAdapter.Backward(default(SigmoidBackwardOperator), gradOutput, output, destination, nameof(output), static (g, y, _, _) => g * (y * (1 - y)));

    /// <summary>Tanh's backward over Half from its output y: gradOutput[i]·(1 − y[i]²), correctly rounded.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void TanhBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> output, Span<Half> destination) =>
        HalfAdapter.Backward(default(TanhBackwardOperator), gradOutput, output, destination, nameof(output), static (g, y, _, _) => g * ((1 - y) * (1 + y)));

    /// <summary>GELU's backward over Half from its input x, correctly rounded.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="x">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="approximate">The form the forward used.</param>
    public static void GELUBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> x, Span<Half> destination, GeluApproximation approximate = GeluApproximation.Sigmoid)
    {
        switch (approximate)
        {
            case GeluApproximation.Sigmoid:
                HalfAdapter.Backward(default(GeluSigmoidFormBackwardOperator), gradOutput, x, destination, nameof(x), static (g, v, _, _) => g * GELUMath.SigmoidFormDerivative(v), zoneLow: -1.1f, zoneHigh: -0.4f);
                break;
            case GeluApproximation.Tanh:
                HalfAdapter.Backward(default(GeluTanhFormBackwardOperator), gradOutput, x, destination, nameof(x), static (g, v, _, _) => g * GELUMath.TanhFormDerivative(v), zoneLow: -1.1f, zoneHigh: -0.4f);
                break;
            case GeluApproximation.None:
                HalfAdapter.Backward(default(GeluExactFormBackwardOperator), gradOutput, x, destination, nameof(x), static (g, v, _, _) => g * GELUMath.ExactFormDerivative(v), zoneLow: -1.1f, zoneHigh: -0.4f);
                break;
            default: throw UnknownForm(approximate);
        }
    }

    /// <summary>Softmax's backward over Half per row, from its output y: dx = y ⊙ (g − Σ g·y), correctly rounded.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="rowLength">The length of each row.</param>
    public static void SoftmaxBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> output, Span<Half> destination, int rowLength)
    {
        HalfAdapter.CheckBackward(gradOutput, output, destination, nameof(output));
        int outer = SoftmaxOuter(output.Length, rowLength, 1, nameof(output), nameof(rowLength), "stride");
        HalfSoftmax.Backward(gradOutput, output, destination[..output.Length], outer, rowLength, 1);
    }

    /// <summary>Softmax's backward over Half along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>].</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="axisLength">The size of the softmax dimension.</param>
    /// <param name="stride">The product of the dimensions after it.</param>
    public static void SoftmaxStridedBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> output, Span<Half> destination, int axisLength, int stride)
    {
        HalfAdapter.CheckBackward(gradOutput, output, destination, nameof(output));
        int outer = SoftmaxOuter(output.Length, axisLength, stride, nameof(output), nameof(axisLength), nameof(stride));
        HalfSoftmax.Backward(gradOutput, output, destination[..output.Length], outer, axisLength, stride);
    }
}
