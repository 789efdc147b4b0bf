using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// Replaces every value at or below a threshold by a constant: value where x ≤ threshold, x elsewhere. ReLU is
/// Threshold(0, 0).
/// </summary>
/// <remarks>Saves its input for backward (the replaced values do not tell where x was).</remarks>
public sealed class Threshold : ElementwiseActivation
{
    /// <summary>Creates a Threshold (PyTorch has no defaults; its documentation's example is Threshold(0.1, 20)).</summary>
    /// <param name="threshold">At or below it, x is replaced; any number (±∞ included), not NaN.</param>
    /// <param name="value">The replacement; any float, as PyTorch.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN.</exception>
    public Threshold(float threshold, float value)
    {
        ActivationKernels.RequireNotNaN(threshold, nameof(threshold));
        ThresholdValue = threshold;
        Value = value;
    }

    /// <summary>The threshold: at or below it, x is replaced.</summary>
    public float ThresholdValue { get; }

    /// <summary>The replacement.</summary>
    public float Value { get; }

    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Input;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.ThresholdBackward(gradOutput, x, threshold)";

    /// <inheritdoc/>
    public override string ToString() => $"Threshold(threshold={PythonRepr.Float(ThresholdValue)}, value={PythonRepr.Float(Value)})";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) =>
        ActivationKernels.Threshold(x, destination, ThresholdValue, Value);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.ThresholdBackward(gradOutput, saved, destination, ThresholdValue);
}
