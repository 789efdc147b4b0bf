using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>Hardswish element-wise: x·relu6(x + 3)/6.</summary>
    /// <param name="x">The input.</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor Hardswish(Tensor x) => Hardswish(x, NewLike(x));

    /// <summary>Hardswish element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor Hardswish(Tensor x, Tensor output) => Apply(x, output, ActivationKernels.Hardswish);

    /// <summary>Hardswish's backward: dL/dx = 0 below −3, dL/dy from 3 on, dL/dy·(x/3 + ½) between.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor HardswishBackward(Tensor gradOutput, Tensor input) =>
        Backward(gradOutput, input, nameof(input), ActivationKernels.HardswishBackward);
}
