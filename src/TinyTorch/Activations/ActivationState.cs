namespace TinyTorch.Core;

/// <summary>
/// What a module keeps between Forward and Backward, one saved value per thread: Backward differentiates the most
/// recent Forward that ran on the same thread, so threads sharing one module never see each other's forward.
/// </summary>
/// <typeparam name="T">The saved value: an immutable record (a tensor, or a tensor and its dim for softmax), so that a
/// save is one reference write and a reader sees either the whole of one forward or the whole of another.</typeparam>
/// <remarks>
/// NOTE: a single field shared by all threads (the previous design) let a Backward read the tensor that another
/// thread's Forward had saved in between: about 300 of 40 000 Backward calls on one shared Sigmoid returned a wrong
/// gradient. A <see cref="ThreadLocal{T}"/> slot per module instance keeps each thread's pair apart without a lock.
/// The saved tensor is a reference, not a copy (as in PyTorch): copying would cost a pass over memory on every
/// forward. Changing the saved tensor in place before Backward changes the gradient.
/// Each thread that ran a Forward keeps its latest saved value alive until its next Forward, the thread's end, or
/// the module's collection.
/// </remarks>
internal sealed class ActivationState<T>
    where T : class
{
    private readonly ThreadLocal<T?> _saved = new();

    // Set by the first Forward on any thread: tells "no forward at all" apart from "a forward, on another thread".
    private volatile bool _anyForward;

    /// <summary>Remembers <paramref name="value"/> for the next backward pass on the calling thread.</summary>
    public void Save(T value)
    {
        _saved.Value = value;
        _anyForward = true;
    }

    /// <summary>The value saved by the most recent forward on the calling thread.</summary>
    /// <param name="activation">The module's name, for the messages.</param>
    /// <param name="backwardFix">How to call the functional backward with the forward's kept output, for the message,
    /// e.g. <c>Functional.SigmoidBackward(gradOutput, output)</c>.</param>
    /// <exception cref="InvalidOperationException">No forward pass has run on this thread.</exception>
    /// <exception cref="ObjectDisposedException">A tensor the forward saved has been disposed since (its dispose scope
    /// ended): the message says Forward and Backward must run in the same scope.</exception>
    public T Saved(string activation, string backwardFix)
    {
        T? saved = _saved.Value;
        if (saved is not null)
        {
            ThrowIfDisposed(saved, activation);
            return saved;
        }

        if (!_anyForward)
        {
            throw new InvalidOperationException(
                $"{activation}.Backward was called before Forward: there is no forward pass to differentiate. Call Forward(x) first.");
        }

        throw new InvalidOperationException(
            $"{activation}.Backward was called on a thread that ran no Forward on this module, while another thread did: "
            + "a module pairs each Backward with the most recent Forward on the same thread. Call Backward on the thread that "
            + $"ran Forward; after an await that may resume on another thread, keep the forward's result and call {backwardFix}; "
            + "or give each thread its own module.");
    }

    // NOTE: checked here, before a kernel reads it: a disposed tensor's storage may already be another tensor's.
    private static void ThrowIfDisposed(T saved, string activation)
    {
        switch (saved)
        {
            case Tensor t:
                t.ThrowIfSavedDisposed(activation);
                break;
            case SoftmaxSaved s:
                s.Output.ThrowIfSavedDisposed(activation);
                break;
            case PReLUSaved p:
                p.Input.ThrowIfSavedDisposed(activation);
                p.Weight.ThrowIfSavedDisposed(activation);
                break;
            case RReLUSaved r:
                r.Saved.ThrowIfSavedDisposed(activation);
                break;
            default:
                break;
        }
    }
}
