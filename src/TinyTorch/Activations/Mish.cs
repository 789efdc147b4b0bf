using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// Mish, x·tanh(softplus(x)): smooth and non-monotonic like SiLU (minimum −0.3088 at x ≈ −1.19), used by YOLOv4's
/// backbone.
/// </summary>
/// <remarks>Saves its input for backward (the slope is a function of x).</remarks>
public sealed class Mish : ElementwiseActivation
{
    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Input;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.MishBackward(gradOutput, x)";

    /// <inheritdoc/>
    public override string ToString() => "Mish()";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernels.Mish(x, destination);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.MishBackward(gradOutput, saved, destination);
}
