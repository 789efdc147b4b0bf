namespace TinyTorch.Core;

/// <summary>The logistic sigmoid σ(x) = 1 / (1 + e^(−x)): squashes to (0, 1), as for a probability or a gate.</summary>
/// <remarks>Saves its output y for backward, since σ′ = y(1 − y).</remarks>
public sealed class Sigmoid : IActivation
{
    private ActivationState _state;

    /// <inheritdoc/>
    public Tensor Forward(Tensor x)
    {
        Tensor y = Functional.Sigmoid(x);
        _state.Save(y);
        return y;
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor gradOutput) => Functional.SigmoidBackward(gradOutput, _state.Saved(nameof(Sigmoid)));

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Parameters() => [];

    /// <inheritdoc/>
    public override string ToString() => "Sigmoid()";
}
