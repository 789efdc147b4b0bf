using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The hard tanh: x clamped to [minVal, maxVal] (default [−1, 1]). tanh's shape, straight lines and no exponential;
/// its gradient is 1 inside and 0 outside.
/// </summary>
/// <remarks>Saves its output for backward (it lies strictly between the bounds exactly where x does), so it may run in place.</remarks>
public sealed class Hardtanh : ElementwiseActivation
{
    /// <summary>Creates a Hardtanh.</summary>
    /// <param name="minVal">The lower bound (PyTorch's default −1); finite.</param>
    /// <param name="maxVal">The upper bound (PyTorch's default 1); finite, at least <paramref name="minVal"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or <paramref name="minVal"/> exceeds
    /// <paramref name="maxVal"/>.</exception>
    public Hardtanh(float minVal = -1f, float maxVal = 1f)
    {
        ActivationKernels.RequireBounds(minVal, maxVal);
        MinVal = minVal;
        MaxVal = maxVal;
    }

    /// <summary>The lower bound.</summary>
    public float MinVal { get; }

    /// <summary>The upper bound.</summary>
    public float MaxVal { get; }

    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Output;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.HardtanhBackward(gradOutput, y, minVal, maxVal)";

    /// <inheritdoc/>
    public override string ToString() => $"Hardtanh(min_val={PythonRepr.Float(MinVal)}, max_val={PythonRepr.Float(MaxVal)})";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernels.Hardtanh(x, destination, MinVal, MaxVal);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.HardtanhBackward(gradOutput, saved, destination, MinVal, MaxVal);
}
