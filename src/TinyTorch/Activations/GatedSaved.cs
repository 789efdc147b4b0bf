namespace TinyTorch.Core;

/// <summary>What a gated unit (<see cref="GatedActivation"/>) keeps for Backward: the forward's input and the dim it halved.</summary>
/// <param name="Input">The forward's input x (both halves: the backward needs a and b).</param>
/// <param name="Dim">The dim the forward halved, as the caller gave it.</param>
/// <remarks>NOTE: one immutable record, saved with one reference write, as <see cref="SoftmaxSaved"/> and for the same reason.</remarks>
internal sealed record GatedSaved(Tensor Input, int Dim);
