namespace TinyTorch.Core;

/// <summary>
/// Log-softmax along one dimension: yᵢ = xᵢ − ln Σⱼ e^(xⱼ), the log-probabilities a negative log-likelihood loss
/// takes, computed in one step (xᵢ − m − ln Σⱼ e^(xⱼ − m)) within 1 ULP.
/// </summary>
/// <remarks>
/// Saves its output and the dim of the most recent forward for backward, as one record.
/// Threads: one instance may be shared, also with a different dim per call on each thread; Backward differentiates
/// the most recent Forward on the calling thread, with that forward's dim (see <see cref="IActivation"/>), and
/// throws <see cref="InvalidOperationException"/> on a thread that ran none.
/// </remarks>
public sealed class LogSoftmax : IActivation
{
    private readonly ActivationState<SoftmaxSaved> _state = new();

    /// <summary>Creates a log-softmax over <paramref name="dim"/>.</summary>
    /// <param name="dim">The dimension to normalize, checked against each input's rank at Forward;
    /// negative values count from the end. Default −1, the last.</param>
    public LogSoftmax(int dim = -1) => Dim = dim;

    /// <summary>The dimension <see cref="Forward(Tensor)"/> normalizes.</summary>
    public int Dim { get; }

    /// <inheritdoc/>
    public Tensor Forward(Tensor x) => Forward(x, Dim);

    /// <summary>Log-softmax along <paramref name="dim"/> for this call only.</summary>
    /// <param name="x">The input, of any rank.</param>
    /// <param name="dim">The dimension to normalize.</param>
    /// <returns>A new tensor whose slices along <paramref name="dim"/> are log-probabilities (Σ e^y = 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public Tensor Forward(Tensor x, int dim)
    {
        Tensor y = Functional.LogSoftmax(x, dim);
        _state.Save(new SoftmaxSaved(y, dim));
        return y;
    }

    /// <summary>
    /// Log-softmax along <see cref="Dim"/> into <paramref name="output"/>, a tensor the caller owns, allocating nothing:
    /// the way to reuse one output tensor from call to call instead of getting a fresh one each time.
    /// </summary>
    /// <param name="x">The input; left alone unless it is <paramref name="output"/> itself.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/>'s shape differs from x's.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Dim"/> is outside [−rank, rank − 1] for x.</exception>
    /// <remarks>
    /// The module saves <paramref name="output"/> for Backward as a reference, so writing into it again before
    /// Backward (another forward into the same tensor, by this module or another) changes the gradient.
    /// </remarks>
    public Tensor Forward(Tensor x, Tensor output)
    {
        Tensor y = Functional.LogSoftmax(x, output, Dim);
        _state.Save(new SoftmaxSaved(y, Dim));
        return y;
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor gradOutput)
    {
        SoftmaxSaved saved = _state.Saved(nameof(LogSoftmax), "Functional.LogSoftmaxBackward(gradOutput, output, dim)");
        return Functional.LogSoftmaxBackward(gradOutput, saved.Output, saved.Dim);
    }

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Parameters() => [];

    /// <inheritdoc/>
    public override string ToString() => $"LogSoftmax(dim={Dim})";
}
