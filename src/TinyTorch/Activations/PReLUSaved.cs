namespace TinyTorch.Core;

/// <summary>What <see cref="PReLU"/> keeps for Backward: the forward's input and the slopes it used.</summary>
/// <param name="Input">The forward's input x (a reference, as every module keeps it).</param>
/// <param name="Weight">A copy of <see cref="PReLU.Weight"/> as the forward read it.</param>
/// <remarks>
/// NOTE: one immutable record, saved with one reference write, so a Backward never pairs one forward's input with
/// another's slopes. The slopes are copied (C floats): an optimizer step between Forward and Backward changes the
/// module's Weight in place, and dL/dx must use the slopes that made y. (PyTorch refuses that order instead:
/// "modified by an inplace operation".)
/// </remarks>
internal sealed record PReLUSaved(Tensor Input, Tensor Weight);
