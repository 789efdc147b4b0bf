using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>SquaredReLU element-wise: max(0, x)².</summary>
    /// <param name="x">The input.</param>
    /// <returns>A new tensor of x's shape, values at least 0.</returns>
    public static Tensor SquaredReLU(Tensor x) => SquaredReLU(x, NewLike(x));

    /// <summary>SquaredReLU element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor SquaredReLU(Tensor x, Tensor output) => Apply(x, output, ActivationKernels.SquaredReLU);

    /// <summary>SquaredReLU's backward: dL/dx = 2·max(0, x)·dL/dy.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor SquaredReLUBackward(Tensor gradOutput, Tensor input) =>
        Backward(gradOutput, input, nameof(input), ActivationKernels.SquaredReLUBackward);
}
