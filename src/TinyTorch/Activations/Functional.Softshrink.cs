using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>Softshrink element-wise: x − lambd above lambd, x + lambd below −lambd, 0 between.</summary>
    /// <param name="x">The input.</param>
    /// <param name="lambd">The amount each value moves toward 0 (default 0.5, as PyTorch); finite, at least 0.</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor Softshrink(Tensor x, float lambd = 0.5f) => Softshrink(x, NewLike(x), lambd);

    /// <summary>Softshrink element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <param name="lambd">The amount each value moves toward 0.</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor Softshrink(Tensor x, Tensor output, float lambd = 0.5f) =>
        Apply(x, output, (s, d) => ActivationKernels.Softshrink(s, d, lambd));

    /// <summary>Softshrink's backward: dL/dx = dL/dy where |x| &gt; lambd, 0 elsewhere.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="lambd">The lambd the forward used.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor SoftshrinkBackward(Tensor gradOutput, Tensor input, float lambd = 0.5f) =>
        Backward(gradOutput, input, nameof(input), (g, x, d) => ActivationKernels.SoftshrinkBackward(g, x, d, lambd));
}
