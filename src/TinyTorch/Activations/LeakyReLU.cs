using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The leaky rectifier: x for x &gt; 0, negativeSlope·x otherwise. A small slope below 0 keeps a gradient flowing
/// where ReLU would have none ("dying ReLU").
/// </summary>
/// <remarks>Saves its input for backward (the slope is chosen by the sign of x).</remarks>
public sealed class LeakyReLU : ElementwiseActivation
{
    /// <summary>Creates a LeakyReLU.</summary>
    /// <param name="negativeSlope">The slope below 0 (PyTorch's default 0.01); any finite value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negativeSlope"/> is NaN or infinite.</exception>
    public LeakyReLU(float negativeSlope = 0.01f)
    {
        ActivationKernels.RequireFinite(negativeSlope, nameof(negativeSlope));
        NegativeSlope = negativeSlope;
    }

    /// <summary>The slope below 0.</summary>
    public float NegativeSlope { get; }

    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Input;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.LeakyReLUBackward(gradOutput, x, negativeSlope)";

    /// <inheritdoc/>
    public override string ToString() => $"LeakyReLU(negative_slope={PythonRepr.Float(NegativeSlope)})";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernels.LeakyReLU(x, destination, NegativeSlope);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.LeakyReLUBackward(gradOutput, saved, destination, NegativeSlope);
}
