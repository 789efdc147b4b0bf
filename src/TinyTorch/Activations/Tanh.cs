namespace TinyTorch.Core;

/// <summary>The hyperbolic tangent: a zero-centred S-curve onto (−1, 1).</summary>
/// <remarks>Saves its output y for backward, since tanh′ = 1 − y².</remarks>
public sealed class Tanh : IActivation
{
    private ActivationState _state;

    /// <inheritdoc/>
    public Tensor Forward(Tensor x)
    {
        Tensor y = Functional.Tanh(x);
        _state.Save(y);
        return y;
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor gradOutput) => Functional.TanhBackward(gradOutput, _state.Saved(nameof(Tanh)));

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Parameters() => [];

    /// <inheritdoc/>
    public override string ToString() => "Tanh()";
}
