namespace TinyTorch.Core;

/// <summary>The rectified linear unit, ReLU(x) = max(0, x): the default hidden-layer activation.</summary>
/// <remarks>
/// Saves its output for backward: y &gt; 0 exactly where x &gt; 0, which also works for <see cref="ForwardInPlace"/>.
/// Threads: one instance may be shared; Backward differentiates the most recent Forward on the calling thread
/// (see <see cref="IActivation"/>), and throws <see cref="InvalidOperationException"/> on a thread that ran none.
/// </remarks>
public sealed class ReLU : IActivation
{
    private readonly ActivationState<Tensor> _state = new();

    /// <inheritdoc/>
    public Tensor Forward(Tensor x)
    {
        Tensor y = Functional.ReLU(x);
        _state.Save(y);
        return y;
    }

    /// <summary>
    /// Applies ReLU into <paramref name="output"/>, a tensor the caller owns, allocating nothing: the way to reuse
    /// one output tensor from call to call instead of getting a fresh one each time.
    /// </summary>
    /// <param name="x">The input; left alone unless it is <paramref name="output"/> itself.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (the same as <see cref="ForwardInPlace"/>).</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/>'s shape differs from x's.</exception>
    /// <remarks>
    /// The module saves <paramref name="output"/> for Backward as a reference, so writing into it again before
    /// Backward (another forward into the same tensor, by this module or another) changes the gradient.
    /// </remarks>
    public Tensor Forward(Tensor x, Tensor output)
    {
        Tensor y = Functional.ReLU(x, output);
        _state.Save(y);
        return y;
    }

    /// <summary>Applies ReLU by overwriting <paramref name="x"/>'s storage, allocating nothing.</summary>
    /// <param name="x">The input; it is changed.</param>
    /// <returns><paramref name="x"/> itself.</returns>
    public Tensor ForwardInPlace(Tensor x)
    {
        Tensor y = Functional.ReLUInPlace(x);
        _state.Save(y);
        return y;
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor gradOutput) =>
        Functional.ReLUBackward(gradOutput, _state.Saved(nameof(ReLU), "Functional.ReLUBackward(gradOutput, output)"));

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Parameters() => [];

    /// <inheritdoc/>
    public override string ToString() => "ReLU()";
}
