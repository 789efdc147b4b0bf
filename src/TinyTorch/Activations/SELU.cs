using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The scaled exponential linear unit: scale·x for x &gt; 0, scale·alpha·(e^x − 1) otherwise, with fixed constants
/// (alpha ≈ 1.6733, scale ≈ 1.0507) that keep activations at mean 0 and variance 1 through deep fully connected
/// networks (self-normalizing networks, Klambauer et al. 2017).
/// </summary>
/// <remarks>Saves its input for backward (the slope scale·alpha·e^x is exact from x).</remarks>
public sealed class SELU : ElementwiseActivation
{
    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Input;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.SELUBackward(gradOutput, x)";

    /// <inheritdoc/>
    public override string ToString() => "SELU()";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernels.SELU(x, destination);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.SELUBackward(gradOutput, saved, destination);
}
