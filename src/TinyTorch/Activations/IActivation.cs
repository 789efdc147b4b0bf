namespace TinyTorch.Core;

/// <summary>
/// An activation function as a layer: <see cref="Forward"/> maps a tensor element by element (or slice by
/// slice, for softmax) to a new tensor of the same shape, and <see cref="Backward"/> carries a gradient
/// back through the most recent forward call on the same thread.
/// </summary>
/// <remarks>
/// Threads: one module instance may be shared by any number of threads. What Forward saves for Backward is kept
/// per thread, so each thread's Backward differentiates the most recent Forward on that same thread, never another
/// thread's. Backward on a thread that ran no Forward on the module, while another thread did, throws an
/// <see cref="InvalidOperationException"/> rather than guess. Code that may resume on another thread between the two
/// (after an <c>await</c>) keeps the forward's result and calls the functional backward instead
/// (<see cref="Functional.SigmoidBackward"/> and its siblings take the saved tensor explicitly), or gives each thread
/// its own module.
/// </remarks>
public interface IActivation
{
    /// <summary>Applies the activation. Returns a new float32 tensor of the input's shape (a gated unit's, with its dim
    /// halved: <see cref="GatedActivation"/>); the input is not changed.</summary>
    /// <param name="x">The input, of any shape.</param>
    /// <returns>The activated tensor.</returns>
    Tensor Forward(Tensor x);

    /// <summary>dL/dx for the most recent <see cref="Forward"/> on this object by the calling thread, given dL/dy.</summary>
    /// <param name="gradOutput">dL/dy, of the forward's shape.</param>
    /// <returns>dL/dx, of the same shape.</returns>
    /// <exception cref="InvalidOperationException">No forward pass has been run yet, or none on the calling thread.</exception>
    /// <exception cref="ArgumentException"><paramref name="gradOutput"/>'s shape differs from the forward's.</exception>
    Tensor Backward(Tensor gradOutput);

    /// <summary>The learnable parameters: none for every activation but PReLU, whose slopes are learned.</summary>
    /// <returns>An empty list, or PReLU's weight.</returns>
    IReadOnlyList<Tensor> Parameters();
}
