using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    /// <summary>destination[i] = x[i]·tanh(softplus(x[i])) (Mish), within 0.56 ULP; −∞ gives −0 (the limit), NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void Mish(ReadOnlySpan<float> x, Span<float> destination) => Unary(default(MishOperator), x, destination);

    /// <summary>Mish's backward, from the input: destination[i] = gradOutput[i]·(tanh(sp) + x·σ(x)·(1 − tanh²(sp))),
    /// sp = softplus(x), x = input[i].</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void MishBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination) =>
        Backward(default(MishBackwardOperator), gradOutput, input, destination, nameof(input));

    /// <summary>Mish over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void Mish(ReadOnlySpan<Half> x, Span<Half> destination)
    {
        HalfAdapter.Unary(default(MishOperator), x, destination, static (v, p, q) => MishMath.Forward(v), 0, 0);
    }

    /// <summary>Mish's backward over Half, correctly rounded, in PyTorch's order (gradOutput, input, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void MishBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination)
    {
        HalfAdapter.Backward(default(MishBackwardOperator), gradOutput, input, destination, nameof(input), static (g, s, p, q) => g * MishMath.Derivative(s), 0, 0, -1.55f, -0.85f);
    }
}
