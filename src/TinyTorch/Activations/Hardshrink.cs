using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The hard shrinkage: x where |x| &gt; lambd, 0 elsewhere. Sets small values to exactly 0 and leaves the rest
/// untouched (hard thresholding, as in sparse coding).
/// </summary>
/// <remarks>Saves its input for backward.</remarks>
public sealed class Hardshrink : ElementwiseActivation
{
    /// <summary>Creates a Hardshrink.</summary>
    /// <param name="lambd">The half-width of the band sent to 0 (PyTorch's default 0.5); finite, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambd"/> is negative, NaN or infinite.</exception>
    public Hardshrink(float lambd = 0.5f)
    {
        ActivationKernels.RequireLambd(lambd);
        Lambd = lambd;
    }

    /// <summary>The half-width of the band sent to 0.</summary>
    public float Lambd { get; }

    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Input;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.HardshrinkBackward(gradOutput, x, lambd)";

    /// <inheritdoc/>
    public override string ToString() => $"Hardshrink({PythonRepr.Float(Lambd)})";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernels.Hardshrink(x, destination, Lambd);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.HardshrinkBackward(gradOutput, saved, destination, Lambd);
}
