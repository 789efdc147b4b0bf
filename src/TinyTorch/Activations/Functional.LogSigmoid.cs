using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>LogSigmoid element-wise: ln σ(x) = −softplus(−x).</summary>
    /// <param name="x">The input.</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor LogSigmoid(Tensor x) => LogSigmoid(x, NewLike(x));

    /// <summary>LogSigmoid element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor LogSigmoid(Tensor x, Tensor output) => Apply(x, output, ActivationKernels.LogSigmoid);

    /// <summary>LogSigmoid's backward, from the input: dL/dx = dL/dy·σ(−x).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor LogSigmoidBackward(Tensor gradOutput, Tensor input) =>
        Backward(gradOutput, input, nameof(input), ActivationKernels.LogSigmoidBackward);
}
