namespace TinyTorch.Core;

/// <summary>
/// The one tensor a module keeps between Forward and Backward, and the error when Backward comes first.
/// </summary>
/// <remarks>
/// NOTE: the saved tensor is a reference, not a copy (as in PyTorch): copying would cost a pass over
/// memory on every forward. Changing the saved tensor in place before Backward changes the gradient.
/// </remarks>
internal struct ActivationState
{
    private Tensor? _saved;

    /// <summary>Remembers <paramref name="tensor"/> for the next backward pass.</summary>
    public void Save(Tensor tensor) => _saved = tensor;

    /// <summary>The tensor saved by the most recent forward.</summary>
    /// <exception cref="InvalidOperationException">No forward pass has run.</exception>
    public readonly Tensor Saved(string activation) => _saved ?? throw new InvalidOperationException(
        $"{activation}.Backward was called before Forward: there is no forward pass to differentiate. Call Forward(x) first.");
}
