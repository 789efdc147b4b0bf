using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>Mish element-wise: x·tanh(softplus(x)).</summary>
    /// <param name="x">The input.</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor Mish(Tensor x) => Mish(x, NewLike(x));

    /// <summary>Mish element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor Mish(Tensor x, Tensor output) => Apply(x, output, ActivationKernels.Mish);

    /// <summary>Mish's backward, from the input: dL/dx = dL/dy·(tanh(sp) + x·σ(x)·(1 − tanh²(sp))), sp = softplus(x).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor MishBackward(Tensor gradOutput, Tensor input) =>
        Backward(gradOutput, input, nameof(input), ActivationKernels.MishBackward);
}
