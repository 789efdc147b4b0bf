namespace TinyTorch.Core;

/// <summary>ReGLU, a ⊗ ReLU(b): the halves a and b of the input along a dim, the second through ReLU gating the first (Shazeer 2020); in PyTorch, a * F.relu(b).</summary>
/// <remarks>Correctly rounded (one product). See <see cref="GatedActivation"/> for what it saves and for threads.</remarks>
public sealed class ReGLU : GatedActivation
{
    /// <summary>Creates ReGLU over <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension to halve, checked against each input's rank at Forward; negative values count
    /// from the end. Default −1, the last.</param>
    public ReGLU(int dim = -1)
        : base(dim)
    {
    }

    /// <inheritdoc/>
    protected override string FunctionalBackward => "Functional.ReGLUBackward(gradOutput, input, dim)";

    /// <inheritdoc/>
    public override string ToString() => $"ReGLU(dim={Dim})";

    /// <inheritdoc/>
    protected override Tensor Apply(Tensor x, Tensor? output, int dim) =>
        output is null ? Functional.ReGLU(x, dim) : Functional.ReGLU(x, output, dim);

    /// <inheritdoc/>
    protected override Tensor Differentiate(Tensor gradOutput, Tensor input, int dim) =>
        Functional.ReGLUBackward(gradOutput, input, dim);
}
