namespace TinyTorch.Core;

/// <summary>The logistic sigmoid σ(x) = 1 / (1 + e^(−x)): squashes to (0, 1), as for a probability or a gate.</summary>
/// <remarks>
/// Saves its output y for backward, since σ′ = y(1 − y).
/// Threads: one instance may be shared; Backward differentiates the most recent Forward on the calling thread
/// (see <see cref="IActivation"/>), and throws <see cref="InvalidOperationException"/> on a thread that ran none.
/// </remarks>
public sealed class Sigmoid : IActivation
{
    private readonly ActivationState<Tensor> _state = new();

    /// <inheritdoc/>
    public Tensor Forward(Tensor x)
    {
        Tensor y = Functional.Sigmoid(x);
        _state.Save(y);
        return y;
    }

    /// <summary>
    /// Applies Sigmoid into <paramref name="output"/>, a tensor the caller owns, allocating nothing: the way to reuse
    /// one output tensor from call to call instead of getting a fresh one each time.
    /// </summary>
    /// <param name="x">The input; left alone unless it is <paramref name="output"/> itself.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/>'s shape differs from x's.</exception>
    /// <remarks>
    /// The module saves <paramref name="output"/> for Backward as a reference, so writing into it again before
    /// Backward (another forward into the same tensor, by this module or another) changes the gradient.
    /// </remarks>
    public Tensor Forward(Tensor x, Tensor output)
    {
        Tensor y = Functional.Sigmoid(x, output);
        _state.Save(y);
        return y;
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor gradOutput) =>
        Functional.SigmoidBackward(gradOutput, _state.Saved(nameof(Sigmoid), "Functional.SigmoidBackward(gradOutput, output)"));

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Parameters() => [];

    /// <inheritdoc/>
    public override string ToString() => "Sigmoid()";
}
