using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The soft sign x/(1 + |x|): an S-curve onto (−1, 1) like tanh, but approaching ±1 polynomially (as 1/|x|) rather
/// than exponentially, so its gradient dies out more slowly.
/// </summary>
/// <remarks>Saves its input for backward (the slope 1/(1 + |x|)² is a function of x).</remarks>
public sealed class Softsign : ElementwiseActivation
{
    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Input;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.SoftsignBackward(gradOutput, x)";

    /// <inheritdoc/>
    public override string ToString() => "Softsign()";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernels.Softsign(x, destination);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.SoftsignBackward(gradOutput, saved, destination);
}
