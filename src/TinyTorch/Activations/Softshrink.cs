using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The soft shrinkage: x − lambd above lambd, x + lambd below −lambd, 0 between. Moves every value toward 0 by lambd
/// (soft thresholding, the proximal step of an L1 penalty, as in ISTA).
/// </summary>
/// <remarks>Saves its input for backward.</remarks>
public sealed class Softshrink : ElementwiseActivation
{
    /// <summary>Creates a Softshrink.</summary>
    /// <param name="lambd">The amount each value moves toward 0 (PyTorch's default 0.5); finite, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambd"/> is negative, NaN or infinite.</exception>
    public Softshrink(float lambd = 0.5f)
    {
        ActivationKernels.RequireLambd(lambd);
        Lambd = lambd;
    }

    /// <summary>The amount each value moves toward 0.</summary>
    public float Lambd { get; }

    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Input;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.SoftshrinkBackward(gradOutput, x, lambd)";

    /// <inheritdoc/>
    public override string ToString() => $"Softshrink({PythonRepr.Float(Lambd)})";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernels.Softshrink(x, destination, Lambd);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.SoftshrinkBackward(gradOutput, saved, destination, Lambd);
}
