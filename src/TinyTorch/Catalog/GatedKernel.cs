namespace TinyTorch.Catalog;

/// <summary>A gated unit's forward span kernel over rows: each row of <paramref name="rowLength"/> floats is split into
/// halves a and b, and rowLength/2 outputs a·f(b) are written.</summary>
/// <param name="x">The input: a whole number of rows.</param>
/// <param name="destination">Receives x.Length/2 results; must not overlap x.</param>
/// <param name="rowLength">The row length, even.</param>
public delegate void GatedKernel(ReadOnlySpan<float> x, Span<float> destination, int rowLength);
