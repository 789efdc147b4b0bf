using TinyTorch.Catalog;

namespace TinyTorch.Core;

/// <summary>
/// The module side of an element-wise activation of the family (LeakyReLU, SiLU, …): Forward runs the activation's
/// kernel and saves what Backward needs, Backward runs the backward kernel over it. A subclass says only which kernels
/// and what it saves.
/// </summary>
/// <remarks>
/// Threads: one instance may be shared; Backward differentiates the most recent Forward on the calling thread
/// (see <see cref="IActivation"/>), and throws <see cref="InvalidOperationException"/> on a thread that ran none.
/// The saved tensor is a reference, not a copy (as in PyTorch): changing it in place before Backward changes the gradient.
/// </remarks>
public abstract class ElementwiseActivation : IActivation
{
    private readonly ActivationState<Tensor> _state = new();

    /// <summary>Whether Backward needs the forward's input or its output.</summary>
    protected abstract SavedForBackward Saves { get; }

    /// <summary>How to call the functional backward by hand, for the message when Backward has nothing saved on a thread.</summary>
    protected abstract string FunctionalBackward { get; }

    /// <inheritdoc/>
    public Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Forward(x, Tensor.Uninitialized(x.ShapeArray));
    }

    /// <summary>
    /// Applies the activation into <paramref name="output"/>, a tensor the caller owns, allocating nothing: the way to
    /// reuse one output tensor from call to call instead of getting a fresh one each time.
    /// </summary>
    /// <param name="x">The input; left alone unless it is <paramref name="output"/> itself.</param>
    /// <param name="output">Receives the result: a tensor of x's shape; x itself (in place) only for an activation that
    /// saves its output.</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/>'s shape differs from x's, or it is x itself for
    /// an activation that saves its input.</exception>
    public Tensor Forward(Tensor x, Tensor output)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(output);

        // NOTE: an activation whose derivative is a function of x reads the saved x in Backward: written in place, it
        // would differentiate at f(x) instead. The functional form, Functional.X(x, x), is fine when no gradient is wanted.
        if (Saves == SavedForBackward.Input && ReferenceEquals(x, output))
        {
            throw new ArgumentException(
                $"{GetType().Name} saves its input for Backward, so the output cannot be the input itself; pass another tensor of its shape.",
                nameof(output));
        }

        if (!output.SameShape(x))
        {
            throw new ArgumentException($"output has shape {output.ShapeString} but x has shape {x.ShapeString}; they must match.", nameof(output));
        }

        Forward(x.AsSpan(), output.AsSpan());
        _state.Save(Saves == SavedForBackward.Input ? x : output);
        return output;
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor gradOutput)
    {
        Tensor saved = _state.Saved(GetType().Name, FunctionalBackward);
        ArgumentNullException.ThrowIfNull(gradOutput);
        if (!gradOutput.SameShape(saved))
        {
            throw new ArgumentException(
                $"gradOutput has shape {gradOutput.ShapeString} but the forward pass had shape {saved.ShapeString}; they must match.",
                nameof(gradOutput));
        }

        Tensor dx = Tensor.Uninitialized(saved.ShapeArray);
        Backward(gradOutput.AsSpan(), saved.AsSpan(), dx.AsSpan());
        return dx;
    }

    /// <inheritdoc/>
    public virtual IReadOnlyList<Tensor> Parameters() => [];

    /// <summary>A float parameter as PyTorch's repr prints it (Python's float repr, <see cref="PythonRepr.Float"/>):
    /// the shortest round-trip digits, with ".0" on whole numbers (alpha=1.0, alpha=0.5) and Python's exponent form
    /// (alpha=1e-05).</summary>
    /// <param name="value">The parameter.</param>
    /// <returns>Its text.</returns>
    protected static string Repr(float value) => PythonRepr.Float(value);

    /// <summary>The forward kernel at this module's parameters.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result.</param>
    protected abstract void Forward(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>The backward kernel at this module's parameters.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="saved">The tensor <see cref="Saves"/> names.</param>
    /// <param name="destination">Receives dL/dx.</param>
    protected abstract void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination);
}
