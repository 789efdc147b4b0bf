using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// x − tanh(x): flat near 0 (≈ x³/3), then x ∓ 1. What is left of x after tanh has squashed it; used in sparse coding
/// (learned ISTA) as a smooth shrinkage.
/// </summary>
/// <remarks>Saves its input for backward (the slope tanh²(x) is a function of x).</remarks>
public sealed class Tanhshrink : ElementwiseActivation
{
    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Input;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.TanhshrinkBackward(gradOutput, x)";

    /// <inheritdoc/>
    public override string ToString() => "Tanhshrink()";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernels.Tanhshrink(x, destination);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.TanhshrinkBackward(gradOutput, saved, destination);
}
