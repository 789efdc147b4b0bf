using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>SiLU element-wise: x·σ(x).</summary>
    /// <param name="x">The input.</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor SiLU(Tensor x) => SiLU(x, NewLike(x));

    /// <summary>SiLU element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor SiLU(Tensor x, Tensor output) => Apply(x, output, ActivationKernels.SiLU);

    /// <summary>SiLU's backward: dL/dx = dL/dy·σ(x)(1 + x(1 − σ(x))).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor SiLUBackward(Tensor gradOutput, Tensor input) =>
        Backward(gradOutput, input, nameof(input), ActivationKernels.SiLUBackward);
}
