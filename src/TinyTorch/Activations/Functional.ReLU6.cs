using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>ReLU6 element-wise: min(max(0, x), 6).</summary>
    /// <param name="x">The input.</param>
    /// <returns>A new tensor of x's shape, values in [0, 6].</returns>
    public static Tensor ReLU6(Tensor x) => ReLU6(x, NewLike(x));

    /// <summary>ReLU6 element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor ReLU6(Tensor x, Tensor output) => Apply(x, output, ActivationKernels.ReLU6);

    /// <summary>ReLU6's backward: dL/dx = dL/dy strictly inside (0, 6), 0 elsewhere.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y (its input x gives the same result).</param>
    /// <returns>dL/dx.</returns>
    public static Tensor ReLU6Backward(Tensor gradOutput, Tensor output) =>
        Backward(gradOutput, output, nameof(output), ActivationKernels.ReLU6Backward);
}
