using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = ln σ(x[i]) = min(x, 0) − ln(1 + e^(−|x|)); within 0.74 ULP, NaN propagating.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void LogSigmoid(ReadOnlySpan<float> x, Span<float> destination) => Unary(default(LogSigmoidOperator), x, destination);

    /// <summary>LogSigmoid's backward, from the input: destination[i] = gradOutput[i]·σ(−input[i]).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void LogSigmoidBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination) =>
        Backward(default(LogSigmoidBackwardOperator), gradOutput, input, destination, nameof(input));

    /// <summary>LogSigmoid over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void LogSigmoid(ReadOnlySpan<Half> x, Span<Half> destination)
    {
        HalfAdapter.Unary(default(LogSigmoidOperator), x, destination, static (v, p, q) => LogSigmoidMath.Forward(v), 0, 0);
    }

    /// <summary>LogSigmoid's backward over Half, correctly rounded, in PyTorch's order (gradOutput, input, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void LogSigmoidBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination)
    {
        HalfAdapter.Backward(default(LogSigmoidBackwardOperator), gradOutput, input, destination, nameof(input), static (g, s, p, q) => g * LogSigmoidMath.Derivative(s), 0, 0);
    }
}
