using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The continuously differentiable exponential linear unit: max(0, x) + min(0, alpha·(e^(x/alpha) − 1)). Unlike ELU
/// its slope at 0 is 1 from both sides for every alpha.
/// </summary>
/// <remarks>Saves its input for backward (the slope e^(x/alpha) is exact from x).</remarks>
public sealed class CELU : ElementwiseActivation
{
    /// <summary>Creates a CELU.</summary>
    /// <param name="alpha">The saturation value below 0 is −alpha (PyTorch's default 1); a finite number above 0 (x is
    /// divided by it: PyTorch refuses 0 too).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not a finite number above 0.</exception>
    public CELU(float alpha = 1f)
    {
        ActivationKernels.RequirePositive(alpha, nameof(alpha));
        Alpha = alpha;
    }

    /// <summary>The saturation value below 0 is −Alpha.</summary>
    public float Alpha { get; }

    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Input;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.CELUBackward(gradOutput, x, alpha)";

    /// <inheritdoc/>
    public override string ToString() => $"CELU(alpha={Repr(Alpha)})";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernels.CELU(x, destination, Alpha);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.CELUBackward(gradOutput, saved, destination, Alpha);
}
