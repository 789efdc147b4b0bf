using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The smooth rectifier (1/beta)·ln(1 + e^(beta·x)): always positive, approaching ReLU as beta grows; x itself where
/// beta·x &gt; threshold, as PyTorch (the curve is within float's rounding of x there).
/// </summary>
/// <remarks>Saves its input for backward (the slope σ(beta·x) is a function of x).</remarks>
public sealed class Softplus : ElementwiseActivation
{
    /// <summary>Creates a Softplus.</summary>
    /// <param name="beta">The sharpness (PyTorch's default 1); a finite number above 0.</param>
    /// <param name="threshold">Above it (in beta·x) the result is x (PyTorch's default 20); finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not a finite number above 0, or
    /// <paramref name="threshold"/> is NaN or infinite.</exception>
    public Softplus(float beta = 1f, float threshold = 20f)
    {
        ActivationKernels.RequirePositive(beta, nameof(beta));
        ActivationKernels.RequireFinite(threshold, nameof(threshold));
        Beta = beta;
        Threshold = threshold;
    }

    /// <summary>The sharpness.</summary>
    public float Beta { get; }

    /// <summary>Above it (in beta·x) the result is x.</summary>
    public float Threshold { get; }

    /// <inheritdoc/>
    protected override SavedForBackward Saves => SavedForBackward.Input;

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.SoftplusBackward(gradOutput, x, beta, threshold)";

    /// <inheritdoc/>
    public override string ToString() => $"Softplus(beta={ReprWhole(Beta)}, threshold={ReprWhole(Threshold)})";

    /// <inheritdoc/>
    protected override void Forward(ReadOnlySpan<float> x, Span<float> destination) =>
        ActivationKernels.Softplus(x, destination, Beta, Threshold);

    /// <inheritdoc/>
    protected override void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination) =>
        ActivationKernels.SoftplusBackward(gradOutput, saved, destination, Beta, Threshold);

    // NOTE: PyTorch's Softplus prints its defaults as integers, "Softplus(beta=1, threshold=20)" (its signature's defaults
    // are ints), and a float argument as a float: a whole number prints here without ".0", anything else as Python
    // prints a float ("threshold=1e-05", not .NET's "1E-05").
    private static string ReprWhole(float value)
    {
        string text = PythonRepr.Float(value);
        return text.EndsWith(".0", StringComparison.Ordinal) ? text[..^2] : text;
    }
}
