namespace TinyTorch.Core;

/// <summary>
/// An activation function as a layer: <see cref="Forward"/> maps a tensor element by element (or slice by
/// slice, for softmax) to a new tensor of the same shape, and <see cref="Backward"/> carries a gradient
/// back through the most recent forward call.
/// </summary>
public interface IActivation
{
    /// <summary>Applies the activation. Returns a new float32 tensor of the input's shape; the input is not changed.</summary>
    /// <param name="x">The input, of any shape.</param>
    /// <returns>The activated tensor.</returns>
    Tensor Forward(Tensor x);

    /// <summary>dL/dx for the most recent <see cref="Forward"/> on this object, given dL/dy.</summary>
    /// <param name="gradOutput">dL/dy, of the forward's shape.</param>
    /// <returns>dL/dx, of the same shape.</returns>
    /// <exception cref="InvalidOperationException">No forward pass has been run yet.</exception>
    /// <exception cref="ArgumentException"><paramref name="gradOutput"/>'s shape differs from the forward's.</exception>
    Tensor Backward(Tensor gradOutput);

    /// <summary>The learnable parameters: none, for every activation.</summary>
    /// <returns>An empty list.</returns>
    IReadOnlyList<Tensor> Parameters();
}
