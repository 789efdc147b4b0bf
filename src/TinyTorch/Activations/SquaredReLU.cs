using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The squared rectifier: max(0, x)². Found by the architecture search of Primer (So et al., 2021) to train transformers faster than GELU; no PyTorch module ships it.
/// </summary>
/// <remarks>Saves its input for backward.</remarks>
public sealed class SquaredReLU : ElementwiseActivation
{
    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Input;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.SquaredReLUBackward(gradOutput, x)";

    /// <inheritdoc/>
    public override string ToString() => "SquaredReLU()";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernels.SquaredReLU(x, destination);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.SquaredReLUBackward(gradOutput, saved, destination);
}
