namespace TinyTorch.Core;

/// <summary>The hyperbolic tangent: a zero-centred S-curve onto (−1, 1).</summary>
/// <remarks>
/// Saves its output y for backward, since tanh′ = 1 − y².
/// Threads: one instance may be shared; Backward differentiates the most recent Forward on the calling thread
/// (see <see cref="IActivation"/>), and throws <see cref="InvalidOperationException"/> on a thread that ran none.
/// </remarks>
public sealed class Tanh : IActivation
{
    private readonly ActivationState<Tensor> _state = new();

    /// <inheritdoc/>
    public Tensor Forward(Tensor x)
    {
        Tensor y = Functional.Tanh(x);
        _state.Save(y);
        return y;
    }

    /// <summary>
    /// Applies Tanh into <paramref name="output"/>, a tensor the caller owns, allocating nothing: the way to reuse
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
        Tensor y = Functional.Tanh(x, output);
        _state.Save(y);
        return y;
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor gradOutput) =>
        Functional.TanhBackward(gradOutput, _state.Saved(nameof(Tanh), "Functional.TanhBackward(gradOutput, output)"));

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Parameters() => [];

    /// <inheritdoc/>
    public override string ToString() => "Tanh()";
}
