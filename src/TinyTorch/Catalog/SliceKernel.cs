namespace TinyTorch.Catalog;

/// <summary>
/// A forward span kernel along a dim: the input viewed as [outer, <paramref name="axisLength"/>, <paramref name="stride"/>]
/// in row-major order, each slice along the middle axis transformed as a whole (softmax and its relatives); in place allowed.
/// </summary>
/// <param name="x">The input: a whole number of [axisLength, stride] blocks.</param>
/// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
/// <param name="axisLength">The size of the dim the activation works along.</param>
/// <param name="stride">The product of the dims after it (1 for the last dim).</param>
public delegate void SliceKernel(ReadOnlySpan<float> x, Span<float> destination, int axisLength, int stride);
