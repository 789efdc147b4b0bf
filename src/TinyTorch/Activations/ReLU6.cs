using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// ReLU capped at 6: min(max(0, x), 6). The cap keeps activations in a range that low-precision (8-bit) arithmetic
/// represents well, which is why MobileNet uses it.
/// </summary>
/// <remarks>Saves its output for backward (0 &lt; y &lt; 6 exactly where 0 &lt; x &lt; 6), so it may run in place.</remarks>
public sealed class ReLU6 : ElementwiseActivation
{
    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Output;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.ReLU6Backward(gradOutput, y)";

    /// <inheritdoc/>
    public override string ToString() => "ReLU6()";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernels.ReLU6(x, destination);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.ReLU6Backward(gradOutput, saved, destination);
}
