using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>Hardsigmoid element-wise: relu6(x + 3)/6.</summary>
    /// <param name="x">The input.</param>
    /// <returns>A new tensor of x's shape, values in [0, 1].</returns>
    public static Tensor Hardsigmoid(Tensor x) => Hardsigmoid(x, NewLike(x));

    /// <summary>Hardsigmoid element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor Hardsigmoid(Tensor x, Tensor output) => Apply(x, output, ActivationKernels.Hardsigmoid);

    /// <summary>Hardsigmoid's backward: dL/dx = dL/dy/6 strictly inside (−3, 3), 0 elsewhere.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor HardsigmoidBackward(Tensor gradOutput, Tensor input) =>
        Backward(gradOutput, input, nameof(input), ActivationKernels.HardsigmoidBackward);
}
