namespace TinyTorch.Core;

/// <summary>The gated linear unit a ⊗ σ(b): the input is split in halves a and b along a dim, and the sigmoid of the second gates the first (Dauphin et al. 2017, gated convolutional language models). PyTorch's nn.GLU.</summary>
/// <remarks>Within 0.57 ULP of the true a·σ(b) (one rounding), including where σ(b) alone underflows. See <see cref="GatedActivation"/> for what it saves and for threads.</remarks>
public sealed class GLU : GatedActivation
{
    /// <summary>Creates GLU over <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension to halve, checked against each input's rank at Forward; negative values count
    /// from the end. Default −1, the last.</param>
    public GLU(int dim = -1)
        : base(dim)
    {
    }

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.GLUBackward(gradOutput, input, dim)";

    /// <inheritdoc/>
    public override string ToString() => $"GLU(dim={Dim})";

    /// <inheritdoc/>
    protected override Tensor Apply(Tensor x, Tensor? output, int dim) =>
        output is null ? Functional.GLU(x, dim) : Functional.GLU(x, output, dim);

    /// <inheritdoc/>
    protected override Tensor Differentiate(Tensor gradOutput, Tensor input, int dim) =>
        Functional.GLUBackward(gradOutput, input, dim);
}
