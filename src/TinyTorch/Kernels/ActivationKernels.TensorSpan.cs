using System.Numerics.Tensors;
using TinyTorch.Core;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    // The activations over System.Numerics.Tensors' TensorSpan<float>: a Tensor<float>, an array or our Tensor
    // (AsTensorSpan) goes straight to the span kernel. Dense row-major spans are used in place, with no copy; any other
    // layout (a slice, a transpose, a broadcast) is gathered into a pooled buffer and scattered back (TensorSpanKernels).
    // Each checks that the shapes match, then runs the span overload with its checks and its accuracy.

    /// <summary>ReLU over System.Numerics.Tensors tensor spans of the same shape.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    public static void ReLU(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination) =>
        TensorSpanKernels.Unary(x, destination, 0, static (a, d, _) => ReLU(a, d));

    /// <summary>
    /// Sigmoid over System.Numerics.Tensors tensor spans of the same shape, with the span overload's accuracy. A dense
    /// row-major span (a Tensor&lt;float&gt;, an array, our Tensor's AsTensorSpan) is read and written where it is: no copy.
    /// Another layout (a slice, a transpose, a broadcast) is copied into a pooled buffer and the result copied back.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Sigmoid(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination) =>
        TensorSpanKernels.Unary(x, destination, 0, static (a, d, _) => Sigmoid(a, d));

    /// <summary>Tanh over System.Numerics.Tensors tensor spans of the same shape.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    public static void Tanh(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination) =>
        TensorSpanKernels.Unary(x, destination, 0, static (a, d, _) => Tanh(a, d));

    /// <summary>GELU over System.Numerics.Tensors tensor spans of the same shape.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    /// <param name="approximate">The GELU form.</param>
    public static void GELU(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination, GeluApproximation approximate = GeluApproximation.Sigmoid) =>
        TensorSpanKernels.Unary(x, destination, approximate, static (a, d, form) => GELU(a, d, form));

    /// <summary>Softmax along <paramref name="dim"/> over System.Numerics.Tensors tensor spans of the same shape.</summary>
    /// <param name="x">The input, of any rank.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    /// <param name="dim">The dimension to normalize; negative counts from the end. Default −1, the last.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public static void Softmax(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination, int dim = -1) =>
        TensorSpanKernels.Unary(x, destination, TensorSpanKernels.Axis(x.Lengths, dim), static (a, d, axis) => SoftmaxStrided(a, d, axis.AxisLength, axis.Stride));

    /// <summary>ReLU's backward over tensor spans of one shape, in PyTorch's order.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output.</param>
    /// <param name="destination">Receives dL/dx.</param>
    public static void ReLUBackward(ReadOnlyTensorSpan<float> gradOutput, ReadOnlyTensorSpan<float> output, TensorSpan<float> destination) =>
        TensorSpanKernels.Backward(gradOutput, output, destination, nameof(output), 0, static (g, s, d, _) => ReLUBackward(g, s, d));

    /// <summary>Sigmoid's backward over tensor spans of one shape, in PyTorch's order.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output.</param>
    /// <param name="destination">Receives dL/dx.</param>
    public static void SigmoidBackward(ReadOnlyTensorSpan<float> gradOutput, ReadOnlyTensorSpan<float> output, TensorSpan<float> destination) =>
        TensorSpanKernels.Backward(gradOutput, output, destination, nameof(output), 0, static (g, s, d, _) => SigmoidBackward(g, s, d));

    /// <summary>Tanh's backward over tensor spans of one shape, in PyTorch's order.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output.</param>
    /// <param name="destination">Receives dL/dx.</param>
    public static void TanhBackward(ReadOnlyTensorSpan<float> gradOutput, ReadOnlyTensorSpan<float> output, TensorSpan<float> destination) =>
        TensorSpanKernels.Backward(gradOutput, output, destination, nameof(output), 0, static (g, s, d, _) => TanhBackward(g, s, d));

    /// <summary>GELU's backward over tensor spans of one shape, in PyTorch's order.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="x">The forward's input.</param>
    /// <param name="destination">Receives dL/dx.</param>
    /// <param name="approximate">The form the forward used.</param>
    public static void GELUBackward(ReadOnlyTensorSpan<float> gradOutput, ReadOnlyTensorSpan<float> x, TensorSpan<float> destination, GeluApproximation approximate = GeluApproximation.Sigmoid) =>
        TensorSpanKernels.Backward(gradOutput, x, destination, nameof(x), approximate, static (g, s, d, form) => GELUBackward(g, s, d, form));

    /// <summary>Softmax's backward along <paramref name="dim"/> over tensor spans of one shape, in PyTorch's order.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output.</param>
    /// <param name="destination">Receives dL/dx.</param>
    /// <param name="dim">The dimension the forward normalized.</param>
    public static void SoftmaxBackward(ReadOnlyTensorSpan<float> gradOutput, ReadOnlyTensorSpan<float> output, TensorSpan<float> destination, int dim = -1) =>
        TensorSpanKernels.Backward(gradOutput, output, destination, nameof(output), TensorSpanKernels.Axis(output.Lengths, dim),
            static (g, s, d, axis) => SoftmaxStridedBackward(g, s, d, axis.AxisLength, axis.Stride));

    /// <summary>CELU over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    /// <param name="alpha">As for the span overload.</param>
    public static void CELU(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination, float alpha = 1f) =>
        TensorSpanKernels.Unary(x, destination, alpha, static (a, d, s) => CELU(a, d, s));

    /// <summary>ELU over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    /// <param name="alpha">As for the span overload.</param>
    public static void ELU(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination, float alpha = 1f) =>
        TensorSpanKernels.Unary(x, destination, alpha, static (a, d, s) => ELU(a, d, s));

    /// <summary>Hardshrink over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    /// <param name="lambd">As for the span overload.</param>
    public static void Hardshrink(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination, float lambd = 0.5f) =>
        TensorSpanKernels.Unary(x, destination, lambd, static (a, d, s) => Hardshrink(a, d, s));

    /// <summary>Hardsigmoid over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    public static void Hardsigmoid(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination) =>
        TensorSpanKernels.Unary(x, destination, 0, static (a, d, s) => Hardsigmoid(a, d));

    /// <summary>Hardswish over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    public static void Hardswish(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination) =>
        TensorSpanKernels.Unary(x, destination, 0, static (a, d, s) => Hardswish(a, d));

    /// <summary>Hardtanh over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    /// <param name="minVal">As for the span overload.</param>
    /// <param name="maxVal">As for the span overload.</param>
    public static void Hardtanh(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination, float minVal = -1f, float maxVal = 1f) =>
        TensorSpanKernels.Unary(x, destination, (minVal, maxVal), static (a, d, s) => Hardtanh(a, d, s.Item1, s.Item2));

    /// <summary>LeakyReLU over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    /// <param name="negativeSlope">As for the span overload.</param>
    public static void LeakyReLU(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination, float negativeSlope = 0.01f) =>
        TensorSpanKernels.Unary(x, destination, negativeSlope, static (a, d, s) => LeakyReLU(a, d, s));

    /// <summary>LogSigmoid over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    public static void LogSigmoid(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination) =>
        TensorSpanKernels.Unary(x, destination, 0, static (a, d, s) => LogSigmoid(a, d));

    /// <summary>Mish over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    public static void Mish(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination) =>
        TensorSpanKernels.Unary(x, destination, 0, static (a, d, s) => Mish(a, d));

    /// <summary>ReLU6 over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    public static void ReLU6(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination) =>
        TensorSpanKernels.Unary(x, destination, 0, static (a, d, s) => ReLU6(a, d));

    /// <summary>SELU over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    public static void SELU(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination) =>
        TensorSpanKernels.Unary(x, destination, 0, static (a, d, s) => SELU(a, d));

    /// <summary>SiLU over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    public static void SiLU(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination) =>
        TensorSpanKernels.Unary(x, destination, 0, static (a, d, s) => SiLU(a, d));

    /// <summary>Softplus over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    /// <param name="beta">As for the span overload.</param>
    /// <param name="threshold">As for the span overload.</param>
    public static void Softplus(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination, float beta = 1f, float threshold = 20f) =>
        TensorSpanKernels.Unary(x, destination, (beta, threshold), static (a, d, s) => Softplus(a, d, s.Item1, s.Item2));

    /// <summary>Softshrink over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    /// <param name="lambd">As for the span overload.</param>
    public static void Softshrink(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination, float lambd = 0.5f) =>
        TensorSpanKernels.Unary(x, destination, lambd, static (a, d, s) => Softshrink(a, d, s));

    /// <summary>Softsign over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    public static void Softsign(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination) =>
        TensorSpanKernels.Unary(x, destination, 0, static (a, d, s) => Softsign(a, d));

    /// <summary>SquaredReLU over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    public static void SquaredReLU(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination) =>
        TensorSpanKernels.Unary(x, destination, 0, static (a, d, s) => SquaredReLU(a, d));

    /// <summary>Tanhshrink over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    public static void Tanhshrink(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination) =>
        TensorSpanKernels.Unary(x, destination, 0, static (a, d, s) => Tanhshrink(a, d));

    /// <summary>Threshold over System.Numerics.Tensors tensor spans of the same shape (see <see cref="Sigmoid(ReadOnlyTensorSpan{float}, TensorSpan{float})"/> for layouts and copies).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be x itself.</param>
    /// <param name="threshold">As for the span overload.</param>
    /// <param name="value">As for the span overload.</param>
    public static void Threshold(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination, float threshold, float value) =>
        TensorSpanKernels.Unary(x, destination, (threshold, value), static (a, d, s) => Threshold(a, d, s.Item1, s.Item2));
}
