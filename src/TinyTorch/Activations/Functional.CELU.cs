using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>CELU element-wise: max(0, x) + min(0, alpha·(e^(x/alpha) − 1)).</summary>
    /// <param name="x">The input.</param>
    /// <param name="alpha">The saturation value below 0 is −alpha (default 1, as PyTorch); above 0.</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor CELU(Tensor x, float alpha = 1f) => CELU(x, NewLike(x), alpha);

    /// <summary>CELU element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <param name="alpha">The saturation value below 0 is −alpha; above 0.</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor CELU(Tensor x, Tensor output, float alpha = 1f) =>
        Apply(x, output, (s, d) => ActivationKernels.CELU(s, d, alpha));

    /// <summary>CELU's backward, from the input: dL/dx = dL/dy where x &gt; 0, dL/dy·e^(x/alpha) elsewhere.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="alpha">The alpha the forward used.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor CELUBackward(Tensor gradOutput, Tensor input, float alpha = 1f) =>
        Backward(gradOutput, input, nameof(input), (g, x, d) => ActivationKernels.CELUBackward(g, x, d, alpha));
}
