using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The exponential linear unit: x for x &gt; 0, alpha·(e^x − 1) otherwise. Negative outputs push the mean activation
/// towards 0, and the curve saturates smoothly at −alpha instead of ReLU's hard 0.
/// </summary>
/// <remarks>Saves its input for backward: the slope alpha·e^x from x is exact, while PyTorch's other option, from the
/// output (y + alpha), cancels as y approaches −alpha.</remarks>
public sealed class ELU : ElementwiseActivation
{
    /// <summary>Creates an ELU.</summary>
    /// <param name="alpha">The saturation value below 0 is −alpha (PyTorch's default 1); any finite value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is NaN or infinite.</exception>
    public ELU(float alpha = 1f)
    {
        ActivationKernels.RequireFinite(alpha, nameof(alpha));
        Alpha = alpha;
    }

    /// <summary>The saturation value below 0 is −Alpha.</summary>
    public float Alpha { get; }

    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Input;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.ELUBackward(gradOutput, x, alpha)";

    /// <inheritdoc/>
    public override string ToString() => $"ELU(alpha={Repr(Alpha)})";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernels.ELU(x, destination, Alpha);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.ELUBackward(gradOutput, saved, destination, Alpha);
}
