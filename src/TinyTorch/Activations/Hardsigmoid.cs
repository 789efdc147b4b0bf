using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The hard sigmoid: relu6(x + 3)/6, a straight line from 0 at x = −3 to 1 at x = 3. A cheap sigmoid for mobile networks (MobileNetV3's squeeze-and-excitation gates).
/// </summary>
/// <remarks>Saves its input for backward.</remarks>
public sealed class Hardsigmoid : ElementwiseActivation
{
    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Input;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.HardsigmoidBackward(gradOutput, x)";

    /// <inheritdoc/>
    public override string ToString() => "Hardsigmoid()";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernels.Hardsigmoid(x, destination);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.HardsigmoidBackward(gradOutput, saved, destination);
}
