namespace TinyTorch.Catalog;

/// <summary>A gated unit's backward span kernel over rows: dL/dx for both halves from dL/dy and the forward's input.</summary>
/// <param name="gradOutput">dL/dy, half as long as the input.</param>
/// <param name="input">The forward's input.</param>
/// <param name="destination">Receives dL/dx, as long as the input.</param>
/// <param name="rowLength">The input's row length, even.</param>
public delegate void GatedBackwardKernel(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, int rowLength);
