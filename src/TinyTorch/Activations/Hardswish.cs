using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The hard swish: x·relu6(x + 3)/6, x times Hardsigmoid(x). Swish's shape without an exponential (MobileNetV3).
/// </summary>
/// <remarks>Saves its input for backward.</remarks>
public sealed class Hardswish : ElementwiseActivation
{
    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Input;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.HardswishBackward(gradOutput, x)";

    /// <inheritdoc/>
    public override string ToString() => "Hardswish()";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernels.Hardswish(x, destination);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.HardswishBackward(gradOutput, saved, destination);
}
