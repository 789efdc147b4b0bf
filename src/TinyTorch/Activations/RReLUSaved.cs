namespace TinyTorch.Core;

/// <summary>What <see cref="RReLU"/> keeps for Backward: the slopes a training forward drew, or an evaluation forward's input.</summary>
/// <param name="Saved">The noise (training) or the input x (evaluation).</param>
/// <param name="IsNoise">Whether <paramref name="Saved"/> is the noise.</param>
/// <remarks>
/// NOTE: one immutable record: the mode is saved with the tensor, so switching <see cref="RReLU.Training"/> between
/// Forward and Backward, or another thread's forward in the other mode, cannot pair a tensor with the wrong backward.
/// </remarks>
internal sealed record RReLUSaved(Tensor Saved, bool IsNoise);
