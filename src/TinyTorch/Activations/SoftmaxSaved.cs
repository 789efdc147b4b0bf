namespace TinyTorch.Core;

/// <summary>What <see cref="Softmax"/> and the other along-a-dim modules (<see cref="LogSoftmax"/>, <see cref="Softmin"/>, <see cref="Softmax2d"/>) keep for Backward: the forward's output and the dim it normalized.</summary>
/// <param name="Output">The forward's output y.</param>
/// <param name="Dim">The dim the forward normalized, as the caller gave it (negative values count from the end).</param>
/// <remarks>
/// NOTE: one immutable record, saved with one reference write: kept in two fields, a Backward could pair one
/// forward's output with another's dim (Forward(x, dim) with different dims on different threads).
/// </remarks>
internal sealed record SoftmaxSaved(Tensor Output, int Dim);
