using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>SELU element-wise: scale·x for x &gt; 0, scale·alpha·(e^x − 1) otherwise, PyTorch's constants.</summary>
    /// <param name="x">The input.</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor SELU(Tensor x) => SELU(x, NewLike(x));

    /// <summary>SELU element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor SELU(Tensor x, Tensor output) => Apply(x, output, ActivationKernels.SELU);

    /// <summary>SELU's backward, from the input: dL/dx = dL/dy·scale where x &gt; 0, dL/dy·scale·alpha·e^x elsewhere.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor SELUBackward(Tensor gradOutput, Tensor input) =>
        Backward(gradOutput, input, nameof(input), ActivationKernels.SELUBackward);
}
