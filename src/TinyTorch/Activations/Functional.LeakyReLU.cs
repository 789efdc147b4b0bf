using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>LeakyReLU element-wise: x for x &gt; 0, negativeSlope·x otherwise.</summary>
    /// <param name="x">The input.</param>
    /// <param name="negativeSlope">The slope below 0 (default 0.01, as PyTorch).</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor LeakyReLU(Tensor x, float negativeSlope = 0.01f) => LeakyReLU(x, NewLike(x), negativeSlope);

    /// <summary>LeakyReLU element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <param name="negativeSlope">The slope below 0.</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor LeakyReLU(Tensor x, Tensor output, float negativeSlope = 0.01f) =>
        Apply(x, output, (s, d) => ActivationKernels.LeakyReLU(s, d, negativeSlope));

    /// <summary>LeakyReLU's backward: dL/dx = dL/dy where x &gt; 0, dL/dy·negativeSlope elsewhere.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="negativeSlope">The slope the forward used.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor LeakyReLUBackward(Tensor gradOutput, Tensor input, float negativeSlope = 0.01f) =>
        Backward(gradOutput, input, nameof(input), (g, x, d) => ActivationKernels.LeakyReLUBackward(g, x, d, negativeSlope));
}
