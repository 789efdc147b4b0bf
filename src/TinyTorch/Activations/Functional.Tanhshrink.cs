using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>Tanhshrink element-wise: x − tanh(x).</summary>
    /// <param name="x">The input.</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor Tanhshrink(Tensor x) => Tanhshrink(x, NewLike(x));

    /// <summary>Tanhshrink element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor Tanhshrink(Tensor x, Tensor output) => Apply(x, output, ActivationKernels.Tanhshrink);

    /// <summary>Tanhshrink's backward, from the input: dL/dx = dL/dy·tanh²(x).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor TanhshrinkBackward(Tensor gradOutput, Tensor input) =>
        Backward(gradOutput, input, nameof(input), ActivationKernels.TanhshrinkBackward);
}
