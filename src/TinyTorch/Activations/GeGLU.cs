namespace TinyTorch.Core;

/// <summary>
/// GeGLU, a ⊗ GELU(b): the halves a and b of the input along a dim, the second through GELU gating the first. T5 v1.1's
/// feed-forward ("gated-gelu", with GELU's tanh form) (Shazeer 2020); not a PyTorch module, where it is written
/// a * F.gelu(b, approximate='tanh').
/// </summary>
/// <remarks>
/// The tanh and sigmoid forms are within 0.57 ULP of the true a·GELU(b) (one rounding); the exact form within 4 ULP
/// (a times GELU(b) rounded). See <see cref="GatedActivation"/> for what it saves and for threads.
/// </remarks>
public sealed class GeGLU : GatedActivation
{
    /// <summary>Creates GeGLU over <paramref name="dim"/> with GELU's <paramref name="approximate"/> form.</summary>
    /// <param name="dim">The dimension to halve, checked against each input's rank at Forward; negative values count
    /// from the end. Default −1, the last.</param>
    /// <param name="approximate">The GELU form; the tanh form by default, as T5 v1.1 and PyTorch's approximate='tanh'.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="approximate"/> is not a defined form.</exception>
    public GeGLU(int dim = -1, GeluApproximation approximate = GeluApproximation.Tanh)
        : base(dim)
    {
        if (!Enum.IsDefined(approximate))
        {
            throw new ArgumentOutOfRangeException(nameof(approximate), approximate, $"Unknown GELU form {approximate}; expected Sigmoid, Tanh or None.");
        }

        Approximate = approximate;
    }

    /// <summary>The GELU form.</summary>
    public GeluApproximation Approximate { get; }

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.GeGLUBackward(gradOutput, input, dim, approximate)";

    /// <inheritdoc/>
    public override string ToString() => $"GeGLU(dim={Dim}, approximate={Approximate})";

    /// <inheritdoc/>
    protected override Tensor Apply(Tensor x, Tensor? output, int dim) =>
        output is null ? Functional.GeGLU(x, dim, Approximate) : Functional.GeGLU(x, output, dim, Approximate);

    /// <inheritdoc/>
    protected override Tensor Differentiate(Tensor gradOutput, Tensor input, int dim) =>
        Functional.GeGLUBackward(gradOutput, input, dim, Approximate);
}
