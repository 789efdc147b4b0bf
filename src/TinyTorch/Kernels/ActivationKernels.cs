using TinyTorch.Core;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

/// <summary>
/// The fast layer: every activation and its backward over spans of float32, with no allocation.
/// Each function writes <c>x.Length</c> results to the start of <c>destination</c>. The input and the
/// destination may be the very same span (in place); a partial overlap, or a destination shorter than the
/// input, is an <see cref="ArgumentException"/> that says which.
/// </summary>
public static partial class ActivationKernels
{
    /// <summary>destination[i] = max(0, x[i]); NaN stays NaN and −0 stays −0, as in PyTorch.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result.</param>
    public static void ReLU(ReadOnlySpan<float> x, Span<float> destination) => Unary<ReLUOperator>(x, destination);

    /// <summary>destination[i] = σ(x[i]) = 1 / (1 + e^(−x[i])), without overflow at any input; within 1 ULP of the
    /// true value for every float32 input (exhaustively checked: at most 0.551 ULP), subnormal results included, in
    /// subnormal spacing (2^-149; +0 from x = −103.97 down, where the truth rounds to 0).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result.</param>
    public static void Sigmoid(ReadOnlySpan<float> x, Span<float> destination) => Unary<SigmoidOperator>(x, destination);

    /// <summary>destination[i] = tanh(x[i]), exact near 0 (tanh(±0) = ±0, tanh(x) = x for tiny x) and ±1 in the
    /// limits; within 1 ULP for every float32 input (exhaustively checked: at most 0.530 ULP).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result.</param>
    public static void Tanh(ReadOnlySpan<float> x, Span<float> destination) => Unary<TanhOperator>(x, destination);

    /// <summary>destination[i] = GELU(x[i]) in the chosen form, within 2 ULP for every float32 input (exhaustively
    /// checked: at most 0.559 ULP for the sigmoid form, 0.552 for the tanh form, 1.191 for the exact one), with full relative
    /// precision in the negative tail; GELU(−∞) = 0.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result.</param>
    /// <param name="approximate">The GELU form; the sigmoid form by default, as TinyTorch.</param>
    public static void GELU(ReadOnlySpan<float> x, Span<float> destination, GeluApproximation approximate = GeluApproximation.Sigmoid)
    {
        switch (approximate)
        {
            case GeluApproximation.Sigmoid: Unary<GeluSigmoidFormOperator>(x, destination); break;
            case GeluApproximation.Tanh: Unary<GeluTanhFormOperator>(x, destination); break;
            case GeluApproximation.None: Unary<GeluExactFormOperator>(x, destination); break;
            default: throw UnknownForm(approximate);
        }
    }

    /// <summary>Softmax of each consecutive row of <paramref name="rowLength"/> elements, within 2 ULP; PyTorch's edges
    /// (a NaN or +∞ in a row, or an all −∞ row, gives a NaN row; −∞ beside finite values gives exactly 0).</summary>
    /// <param name="x">The input: a whole number of rows.</param>
    /// <param name="destination">Receives the result.</param>
    /// <param name="rowLength">The length of each row (the softmax dimension).</param>
    public static void Softmax(ReadOnlySpan<float> x, Span<float> destination, int rowLength)
    {
        SpanChecks.Destination(x, destination, nameof(x));
        int outer = SoftmaxOuter(x.Length, rowLength, 1, nameof(x), nameof(rowLength), "stride");
        SoftmaxKernel.Forward(x, destination, outer, rowLength, 1);
    }

    /// <summary>
    /// Softmax along an axis that is not the last: the input is viewed as [outer, <paramref name="axisLength"/>,
    /// <paramref name="stride"/>] in row-major order and each slice along the middle axis is normalized.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result.</param>
    /// <param name="axisLength">The size of the softmax dimension.</param>
    /// <param name="stride">The product of the dimensions after it (1 for the last dimension).</param>
    public static void SoftmaxStrided(ReadOnlySpan<float> x, Span<float> destination, int axisLength, int stride)
    {
        SpanChecks.Destination(x, destination, nameof(x));
        int outer = SoftmaxOuter(x.Length, axisLength, stride, nameof(x), nameof(axisLength), nameof(stride));
        SoftmaxKernel.Forward(x, destination, outer, axisLength, stride);
    }

    /// <summary>ReLU's backward, PyTorch's threshold_backward(grad_output, self, 0): destination[i] = 0 where
    /// output[i] ≤ 0, else gradOutput[i] (also where output[i] is NaN).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output (or input: both are positive at the same places).</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void ReLUBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> output, Span<float> destination) =>
        Backward(default(ReLUBackwardOperator), gradOutput, output, destination, nameof(output));

    /// <summary>Sigmoid's backward from its output y, PyTorch's sigmoid_backward(grad_output, output):
    /// destination[i] = gradOutput[i]·y[i](1 − y[i]).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void SigmoidBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> output, Span<float> destination) =>
        Backward(default(SigmoidBackwardOperator), gradOutput, output, destination, nameof(output));

    /// <summary>Tanh's backward from its output y, PyTorch's tanh_backward(grad_output, output):
    /// destination[i] = gradOutput[i]·(1 − y[i]²).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void TanhBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> output, Span<float> destination) =>
        Backward(default(TanhBackwardOperator), gradOutput, output, destination, nameof(output));

    /// <summary>GELU's backward from its input x, PyTorch's gelu_backward(grad_output, self):
    /// destination[i] = gradOutput[i]·GELU′(x[i]) for the chosen form.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="x">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="approximate">The form the forward used.</param>
    public static void GELUBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> x, Span<float> destination, GeluApproximation approximate = GeluApproximation.Sigmoid)
    {
        switch (approximate)
        {
            case GeluApproximation.Sigmoid: Backward(default(GeluSigmoidFormBackwardOperator), gradOutput, x, destination, nameof(x)); break;
            case GeluApproximation.Tanh: Backward(default(GeluTanhFormBackwardOperator), gradOutput, x, destination, nameof(x)); break;
            case GeluApproximation.None: Backward(default(GeluExactFormBackwardOperator), gradOutput, x, destination, nameof(x)); break;
            default: throw UnknownForm(approximate);
        }
    }

    /// <summary>Softmax's backward per row from its output y, PyTorch's _softmax_backward_data(grad_output, output, …):
    /// dx = y ⊙ (g − Σ g·y).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="rowLength">The length of each row.</param>
    public static void SoftmaxBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> output, Span<float> destination, int rowLength)
    {
        CheckBackward(gradOutput, output, destination, nameof(output));
        int outer = SoftmaxOuter(output.Length, rowLength, 1, nameof(output), nameof(rowLength), "stride");
        SoftmaxKernel.Backward(output, gradOutput, destination, outer, rowLength, 1);
    }

    /// <summary>Softmax's backward along an axis viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>].</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    /// <param name="axisLength">The size of the softmax dimension.</param>
    /// <param name="stride">The product of the dimensions after it.</param>
    public static void SoftmaxStridedBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> output, Span<float> destination, int axisLength, int stride)
    {
        CheckBackward(gradOutput, output, destination, nameof(output));
        int outer = SoftmaxOuter(output.Length, axisLength, stride, nameof(output), nameof(axisLength), nameof(stride));
        SoftmaxKernel.Backward(output, gradOutput, destination, outer, axisLength, stride);
    }

    private static void Unary<TOp>(ReadOnlySpan<float> x, Span<float> destination)
        where TOp : struct, IUnaryOperator
    {
        SpanChecks.Destination(x, destination, nameof(x));
        ParallelRunner.Unary<TOp>(x, destination[..x.Length]);
    }

    /// <summary>
    /// How many [axisLength, stride] blocks make up the input. The names are those of the public method's own
    /// parameters (its rowLength is an axisLength; it has no stride, and passes 1), so every exception names one of them.
    /// </summary>
    private static int SoftmaxOuter(int length, int axisLength, int stride, string inputName, string axisName, string strideName)
    {
        if (axisLength < 0)
        {
            throw new ArgumentOutOfRangeException(axisName, axisLength, $"{axisName} must be non-negative, but is {axisLength}.");
        }

        if (stride < 0)
        {
            throw new ArgumentOutOfRangeException(strideName, stride, $"{strideName} must be non-negative, but is {stride}.");
        }

        if (length == 0)
        {
            return 0;   // an empty tensor: any of its dims may be 0, including those that make up the stride
        }

        long block = (long)axisLength * stride;
        if (block == 0)
        {
            throw new ArgumentException(
                $"{inputName} has {length} elements, which is not a whole number of slices of {axisLength} × {stride} elements: "
                + $"a non-empty input needs {(axisLength == 0 ? axisName : strideName)} of at least 1.",
                inputName);
        }

        if (length % block != 0)
        {
            throw new ArgumentException(
                $"{inputName} has {length} elements, which is not a whole number of slices of {axisLength} × {stride} elements; expected a multiple of {block}.",
                inputName);
        }

        return (int)(length / block);
    }

    private static ArgumentOutOfRangeException UnknownForm(GeluApproximation approximate) =>
        new(nameof(approximate), approximate, $"Unknown GELU form {approximate}; expected Sigmoid, Tanh or None.");
}
