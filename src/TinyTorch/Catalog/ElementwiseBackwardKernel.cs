namespace TinyTorch.Catalog;

/// <summary>
/// An element-wise backward span kernel: destination[i] = gradOutput[i]·f′ at the saved value, in PyTorch's
/// argument order (<c>sigmoid_backward(grad_output, output)</c>).
/// </summary>
/// <param name="gradOutput">dL/dy.</param>
/// <param name="saved">What the forward saved: its input or its output (<see cref="ActivationVariant.Saves"/>).</param>
/// <param name="destination">Receives dL/dx; may be either input span itself.</param>
public delegate void ElementwiseBackwardKernel(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination);
