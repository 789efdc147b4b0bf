namespace TinyTorch.Core;

/// <summary>SwiGLU, a ⊗ SiLU(b): the halves a and b of the input along a dim, the second through SiLU (swish) gating the first. The feed-forward gate of LLaMA and PaLM (Shazeer 2020); not a PyTorch module, where it is written a * F.silu(b).</summary>
/// <remarks>Within 0.57 ULP of the true a·b·σ(b) (one rounding: a·b is formed exactly). See <see cref="GatedActivation"/> for what it saves and for threads.</remarks>
public sealed class SwiGLU : GatedActivation
{
    /// <summary>Creates SwiGLU over <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension to halve, checked against each input's rank at Forward; negative values count
    /// from the end. Default −1, the last.</param>
    public SwiGLU(int dim = -1)
        : base(dim)
    {
    }

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.SwiGLUBackward(gradOutput, input, dim)";

    /// <inheritdoc/>
    public override string ToString() => $"SwiGLU(dim={Dim})";

    /// <inheritdoc/>
    protected override Tensor Apply(Tensor x, Tensor? output, int dim) =>
        output is null ? Functional.SwiGLU(x, dim) : Functional.SwiGLU(x, output, dim);

    /// <inheritdoc/>
    protected override Tensor Differentiate(Tensor gradOutput, Tensor input, int dim) =>
        Functional.SwiGLUBackward(gradOutput, input, dim);
}
