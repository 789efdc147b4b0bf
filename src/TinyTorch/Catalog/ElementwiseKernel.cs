namespace TinyTorch.Catalog;

/// <summary>An element-wise forward span kernel: destination[i] = f(x[i]), in place allowed.</summary>
/// <param name="x">The input.</param>
/// <param name="destination">Receives the result: at least as long as <paramref name="x"/>, or <paramref name="x"/> itself.</param>
public delegate void ElementwiseKernel(ReadOnlySpan<float> x, Span<float> destination);
