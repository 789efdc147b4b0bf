namespace TinyTorch.Core;

/// <summary>
/// The Gaussian error linear unit, x·Φ(x): a smooth ReLU used by transformers (BERT, GPT).
/// Three forms are offered (<see cref="GeluApproximation"/>); the sigmoid form is the default, as TinyTorch.
/// </summary>
/// <remarks>
/// Saves its input for backward: GELU′ is a function of x, not of the output.
/// Threads: one instance may be shared; Backward differentiates the most recent Forward on the calling thread
/// (see <see cref="IActivation"/>), and throws <see cref="InvalidOperationException"/> on a thread that ran none.
/// </remarks>
public sealed class GELU : IActivation
{
    private readonly ActivationState<Tensor> _state = new();

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

    /// <summary>
    /// Applies GELU into <paramref name="output"/>, a tensor the caller owns, allocating nothing: the way to reuse
    /// one output tensor from call to call instead of getting a fresh one each time.
    /// </summary>
    /// <param name="x">The input, left alone.</param>
    /// <param name="output">Receives the result: a tensor of x's shape other than x.</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is x itself, or its shape differs from x's.</exception>
    /// <remarks>
    /// GELU saves its input for Backward (as a reference), so writing into x before Backward changes the gradient.
    /// </remarks>
    public Tensor Forward(Tensor x, Tensor output)
    {
        // NOTE: GELU′ is a function of x, and Backward reads the saved x: an in-place forward would leave it the
        // gradient of GELU(GELU(x)). Functional.GELU(x, x) is fine; the module refuses.
        ArgumentNullException.ThrowIfNull(x);
        if (ReferenceEquals(x, output))
        {
            throw new ArgumentException(
                "GELU saves its input for Backward, so the output cannot be the input itself; pass another tensor of its shape.",
                nameof(output));
        }

        Tensor y = Functional.GELU(x, output, Approximate);
        _state.Save(x);
        return y;
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor gradOutput) =>
        Functional.GELUBackward(gradOutput, _state.Saved(nameof(GELU), "Functional.GELUBackward(gradOutput, x, approximate)"), Approximate);

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Parameters() => [];

    /// <inheritdoc/>
    public override string ToString() => $"GELU(approximate={Approximate})";
}
