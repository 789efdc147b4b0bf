using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>Hardshrink element-wise: x where |x| &gt; lambd, 0 elsewhere.</summary>
    /// <param name="x">The input.</param>
    /// <param name="lambd">The half-width of the band sent to 0 (default 0.5, as PyTorch); finite, at least 0.</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor Hardshrink(Tensor x, float lambd = 0.5f) => Hardshrink(x, NewLike(x), lambd);

    /// <summary>Hardshrink element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <param name="lambd">The half-width of the band sent to 0.</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor Hardshrink(Tensor x, Tensor output, float lambd = 0.5f) =>
        Apply(x, output, (s, d) => ActivationKernels.Hardshrink(s, d, lambd));

    /// <summary>Hardshrink's backward: dL/dx = dL/dy where |x| &gt; lambd, 0 elsewhere.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="lambd">The lambd the forward used.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor HardshrinkBackward(Tensor gradOutput, Tensor input, float lambd = 0.5f) =>
        Backward(gradOutput, input, nameof(input), (g, x, d) => ActivationKernels.HardshrinkBackward(g, x, d, lambd));
}
