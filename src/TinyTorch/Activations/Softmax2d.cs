namespace TinyTorch.Core;

/// <summary>
/// Softmax over the channels at every spatial location: the input is (C, H, W) or (N, C, H, W) and the softmax runs
/// along dim −3, as PyTorch's <c>nn.Softmax2d</c> (per-pixel class probabilities in segmentation).
/// </summary>
/// <remarks>
/// Saves its output for backward. Threads: one instance may be shared; Backward differentiates the most recent Forward
/// on the calling thread (see <see cref="IActivation"/>), and throws <see cref="InvalidOperationException"/> on a thread
/// that ran none.
/// </remarks>
public sealed class Softmax2d : IActivation
{
    private readonly ActivationState<SoftmaxSaved> _state = new();

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">x is not 3-d or 4-d.</exception>
    public Tensor Forward(Tensor x)
    {
        Tensor y = Functional.Softmax2d(x);
        _state.Save(new SoftmaxSaved(y, Functional.Softmax2dDim));
        return y;
    }

    /// <summary>Softmax over the channels into <paramref name="output"/>, a tensor the caller owns: no allocation.</summary>
    /// <param name="x">The input, (C, H, W) or (N, C, H, W); left alone unless it is <paramref name="output"/> itself.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException">x is not 3-d or 4-d, or <paramref name="output"/>'s shape differs from x's.</exception>
    /// <remarks>The module saves <paramref name="output"/> for Backward as a reference (see <see cref="Softmax.Forward(Tensor, Tensor)"/>).</remarks>
    public Tensor Forward(Tensor x, Tensor output)
    {
        Tensor y = Functional.Softmax2d(x, output);
        _state.Save(new SoftmaxSaved(y, Functional.Softmax2dDim));
        return y;
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor gradOutput)
    {
        SoftmaxSaved saved = _state.Saved(nameof(Softmax2d), "Functional.SoftmaxBackward(gradOutput, output, -3)");
        return Functional.SoftmaxBackward(gradOutput, saved.Output, saved.Dim);
    }

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Parameters() => [];

    /// <inheritdoc/>
    public override string ToString() => "Softmax2d()";
}
