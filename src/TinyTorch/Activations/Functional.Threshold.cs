using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>Threshold element-wise: value where x ≤ threshold, x elsewhere.</summary>
    /// <param name="x">The input.</param>
    /// <param name="threshold">At or below it, x is replaced; not NaN.</param>
    /// <param name="value">The replacement.</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor Threshold(Tensor x, float threshold, float value) => Threshold(x, NewLike(x), threshold, value);

    /// <summary>Threshold element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <param name="threshold">At or below it, x is replaced; not NaN.</param>
    /// <param name="value">The replacement.</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor Threshold(Tensor x, Tensor output, float threshold, float value) =>
        Apply(x, output, (s, d) => ActivationKernels.Threshold(s, d, threshold, value));

    /// <summary>Threshold's backward: dL/dx = 0 where x ≤ threshold, dL/dy elsewhere.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="threshold">The threshold the forward used.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor ThresholdBackward(Tensor gradOutput, Tensor input, float threshold) =>
        Backward(gradOutput, input, nameof(input), (g, x, d) => ActivationKernels.ThresholdBackward(g, x, d, threshold));
}
