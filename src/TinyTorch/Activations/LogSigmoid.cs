using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The log of the sigmoid, ln σ(x) = −softplus(−x): always negative, x itself far below 0 and 0 far above. The
/// numerically safe way to get log-probabilities from logits (binary cross-entropy).
/// </summary>
/// <remarks>Saves its input for backward (the slope σ(−x) is a function of x).</remarks>
public sealed class LogSigmoid : ElementwiseActivation
{
    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Input;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.LogSigmoidBackward(gradOutput, x)";

    /// <inheritdoc/>
    public override string ToString() => "LogSigmoid()";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernels.LogSigmoid(x, destination);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.LogSigmoidBackward(gradOutput, saved, destination);
}
