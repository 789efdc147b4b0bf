using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    // NOTE: ReLU6 is Hardtanh(0, 6), as PyTorch defines it (nn.ReLU6 subclasses nn.Hardtanh), so it runs Hardtanh's
    // operators: its edges are PyTorch's too (ReLU6(−0) = −0, ReLU6′ = 0 at 0 and at 6).

    /// <summary>destination[i] = min(max(x[i], 0), 6); exact, NaN propagating, −0 → −0, as PyTorch.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void ReLU6(ReadOnlySpan<float> x, Span<float> destination) => Unary(new HardtanhOperator(0f, 6f), x, destination);

    /// <summary>ReLU6's backward: destination[i] = gradOutput[i] strictly inside (0, 6), 0 elsewhere (at 0, at 6 and
    /// for NaN too, as PyTorch).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y; its input x gives the same result.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void ReLU6Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> output, Span<float> destination) =>
        Backward(new HardtanhBackwardOperator(0f, 6f), gradOutput, output, destination, nameof(output));

    /// <summary>ReLU6 over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void ReLU6(ReadOnlySpan<Half> x, Span<Half> destination)
    {
        HalfAdapter.Unary(new HardtanhOperator(0f, 6f), x, destination, static (v, p, q) => ReLU6Math.Forward(v), 0, 0);
    }

    /// <summary>ReLU6's backward over Half, correctly rounded, in PyTorch's order (gradOutput, output, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void ReLU6Backward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> output, Span<Half> destination)
    {
        HalfAdapter.Backward(new HardtanhBackwardOperator(0f, 6f), gradOutput, output, destination, nameof(output), static (g, s, p, q) => s > 0 && s < 6 ? g : 0, 0, 0);
    }
}
