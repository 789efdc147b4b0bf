using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>Softsign element-wise: x/(1 + |x|).</summary>
    /// <param name="x">The input.</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor Softsign(Tensor x) => Softsign(x, NewLike(x));

    /// <summary>Softsign element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor Softsign(Tensor x, Tensor output) => Apply(x, output, ActivationKernels.Softsign);

    /// <summary>Softsign's backward, from the input: dL/dx = dL/dy/(1 + |x|)².</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor SoftsignBackward(Tensor gradOutput, Tensor input) =>
        Backward(gradOutput, input, nameof(input), ActivationKernels.SoftsignBackward);
}
