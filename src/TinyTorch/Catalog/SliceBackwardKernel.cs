namespace TinyTorch.Catalog;

/// <summary>
/// A backward span kernel along a dim, in PyTorch's argument order (<c>_log_softmax_backward_data(grad_output, output, dim)</c>):
/// the spans viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>].
/// </summary>
/// <param name="gradOutput">dL/dy.</param>
/// <param name="saved">What the forward saved: its input or its output (<see cref="ActivationVariant.Saves"/>).</param>
/// <param name="destination">Receives dL/dx; may be either input span itself.</param>
/// <param name="axisLength">The size of the dim the activation works along.</param>
/// <param name="stride">The product of the dims after it (1 for the last dim).</param>
public delegate void SliceBackwardKernel(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination, int axisLength, int stride);
