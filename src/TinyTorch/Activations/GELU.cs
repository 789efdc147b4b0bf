namespace TinyTorch.Core;

/// <summary>
/// The Gaussian error linear unit, x·Φ(x): a smooth ReLU used by transformers (BERT, GPT).
/// Three forms are offered (<see cref="GeluApproximation"/>); the sigmoid form is the default, as TinyTorch.
/// </summary>
/// <remarks>Saves its input for backward: GELU′ is a function of x, not of the output.</remarks>
public sealed class GELU : IActivation
{
    private ActivationState _state;

    /// <summary>Creates a GELU of the given form.</summary>
    /// <param name="approximate">Sigmoid (default), Tanh, or None for the exact erf form.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="approximate"/> is not a defined form.</exception>
    public GELU(GeluApproximation approximate = GeluApproximation.Sigmoid)
    {
        if (!Enum.IsDefined(approximate))
        {
            throw new ArgumentOutOfRangeException(nameof(approximate), approximate, "Expected GeluApproximation.Sigmoid, Tanh or None.");
        }

        Approximate = approximate;
    }

    /// <summary>The form this GELU computes, forward and backward.</summary>
    public GeluApproximation Approximate { get; }

    /// <inheritdoc/>
    public Tensor Forward(Tensor x)
    {
        Tensor y = Functional.GELU(x, Approximate);
        _state.Save(x);
        return y;
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor gradOutput) => Functional.GELUBackward(gradOutput, _state.Saved(nameof(GELU)), Approximate);

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Parameters() => [];

    /// <inheritdoc/>
    public override string ToString() => $"GELU(approximate={Approximate})";
}
