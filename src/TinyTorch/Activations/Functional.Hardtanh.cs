using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>Hardtanh element-wise: x clamped to [minVal, maxVal].</summary>
    /// <param name="x">The input.</param>
    /// <param name="minVal">The lower bound (default −1, as PyTorch).</param>
    /// <param name="maxVal">The upper bound (default 1, as PyTorch).</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor Hardtanh(Tensor x, float minVal = -1f, float maxVal = 1f) => Hardtanh(x, NewLike(x), minVal, maxVal);

    /// <summary>Hardtanh element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <param name="minVal">The lower bound.</param>
    /// <param name="maxVal">The upper bound.</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor Hardtanh(Tensor x, Tensor output, float minVal = -1f, float maxVal = 1f) =>
        Apply(x, output, (s, d) => ActivationKernels.Hardtanh(s, d, minVal, maxVal));

    /// <summary>Hardtanh's backward: dL/dx = dL/dy strictly inside (minVal, maxVal), 0 elsewhere.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y (its input x gives the same result).</param>
    /// <param name="minVal">The lower bound the forward used.</param>
    /// <param name="maxVal">The upper bound the forward used.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor HardtanhBackward(Tensor gradOutput, Tensor output, float minVal = -1f, float maxVal = 1f) =>
        Backward(gradOutput, output, nameof(output), (g, y, d) => ActivationKernels.HardtanhBackward(g, y, d, minVal, maxVal));
}
