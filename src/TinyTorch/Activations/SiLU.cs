using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The sigmoid-weighted linear unit x·σ(x) ("swish"): smooth, unbounded above, with a shallow dip (minimum −0.278 at
/// x = −1.278) below 0. LLaMA's feed-forward gate (SwiGLU) and EfficientNet use it.
/// </summary>
/// <remarks>Saves its input for backward (the slope σ(x)(1 + x(1 − σ(x))) is a function of x).</remarks>
public sealed class SiLU : ElementwiseActivation
{
    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Input;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.SiLUBackward(gradOutput, x)";

    /// <inheritdoc/>
    public override string ToString() => "SiLU()";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernels.SiLU(x, destination);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.SiLUBackward(gradOutput, saved, destination);
}
