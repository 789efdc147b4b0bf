namespace TinyTorch.Core;

/// <summary>
/// The module side of a gated linear unit (GLU, SwiGLU, GeGLU, ReGLU): Forward splits its input in halves a and b
/// along <see cref="Dim"/> and returns a·f(b), whose size along that dim is half the input's; Backward returns dL/dx
/// for both halves, of the input's shape. A subclass says only which functional form it runs.
/// </summary>
/// <remarks>
/// Unlike the element-wise activations, the output has another shape than the input: the dim is halved.
/// Saves its input and the dim of the most recent forward for backward, as one record (a reference, not a copy: changing
/// the input in place before Backward changes the gradient). Threads: one instance may be shared, also with a different
/// dim per call on each thread; Backward differentiates the most recent Forward on the calling thread (see
/// <see cref="IActivation"/>) and throws <see cref="InvalidOperationException"/> on a thread that ran none.
/// </remarks>
public abstract class GatedActivation : IActivation
{
    private readonly ActivationState<GatedSaved> _state = new();

    /// <summary>Creates a gated unit over <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension to halve, checked against each input's rank at Forward; negative values count
    /// from the end.</param>
    protected GatedActivation(int dim) => Dim = dim;

    /// <summary>The dimension <see cref="Forward(Tensor)"/> halves.</summary>
    public int Dim { get; }

    /// <summary>How to call the functional backward by hand, for the message when Backward has nothing saved on a thread.</summary>
    protected abstract string FunctionalBackward { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">x is 0-d, or odd along <see cref="Dim"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Dim"/> is outside [−rank, rank − 1].</exception>
    public Tensor Forward(Tensor x) => Forward(x, Dim);

    /// <summary>The gated unit along <paramref name="dim"/> for this call only.</summary>
    /// <param name="x">The input, of rank 1 or more, even along <paramref name="dim"/>.</param>
    /// <param name="dim">The dimension to halve.</param>
    /// <returns>A new tensor of x's shape with <paramref name="dim"/> halved.</returns>
    /// <exception cref="ArgumentException">x is 0-d, or odd along <paramref name="dim"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public Tensor Forward(Tensor x, int dim)
    {
        Tensor y = Apply(x, null, dim);
        _state.Save(new GatedSaved(x, dim));
        return y;
    }

    /// <summary>
    /// The gated unit along <see cref="Dim"/> into <paramref name="output"/>, a tensor the caller owns, allocating
    /// nothing: the way to reuse one output tensor from call to call.
    /// </summary>
    /// <param name="x">The input; left alone.</param>
    /// <param name="output">Receives the result: a tensor of x's shape with <see cref="Dim"/> halved.</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException">x is 0-d or odd along <see cref="Dim"/>, or output has another shape.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Dim"/> is outside [−rank, rank − 1] for x.</exception>
    public Tensor Forward(Tensor x, Tensor output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Tensor y = Apply(x, output, Dim);
        _state.Save(new GatedSaved(x, Dim));
        return y;
    }

    /// <inheritdoc/>
    /// <remarks>gradOutput has the forward's output shape (the dim halved); the result has its input's.</remarks>
    public Tensor Backward(Tensor gradOutput)
    {
        GatedSaved saved = _state.Saved(GetType().Name, FunctionalBackward);
        return Differentiate(gradOutput, saved.Input, saved.Dim);
    }

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Parameters() => [];

    /// <summary>The functional forward: into <paramref name="output"/>, or a new tensor when it is null.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">The caller's output, or null.</param>
    /// <param name="dim">The dimension to halve.</param>
    /// <returns>The result.</returns>
    protected abstract Tensor Apply(Tensor x, Tensor? output, int dim);

    /// <summary>The functional backward.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input.</param>
    /// <param name="dim">The forward's dim.</param>
    /// <returns>dL/dx.</returns>
    protected abstract Tensor Differentiate(Tensor gradOutput, Tensor input, int dim);
}
