namespace TinyTorch.Benchmarks;

/// <summary>A softmax case: a rows × columns matrix normalized over the last dim (−1) or over dim 0.</summary>
/// <param name="Rows">The first dimension.</param>
/// <param name="Columns">The last dimension.</param>
/// <param name="Dim">−1 (each row) or 0 (each column).</param>
public sealed record SoftmaxShape(int Rows, int Columns, int Dim) : IElementCount
{
    /// <inheritdoc/>
    public long Elements => (long)Rows * Columns;

    /// <inheritdoc/>
    public override string ToString() => $"{Rows}x{Columns} dim {Dim}";
}
