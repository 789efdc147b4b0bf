using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>ELU element-wise: x for x &gt; 0, alpha·(e^x − 1) otherwise.</summary>
    /// <param name="x">The input.</param>
    /// <param name="alpha">The saturation value below 0 is −alpha (default 1, as PyTorch).</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor ELU(Tensor x, float alpha = 1f) => ELU(x, NewLike(x), alpha);

    /// <summary>ELU element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <param name="alpha">The saturation value below 0 is −alpha.</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor ELU(Tensor x, Tensor output, float alpha = 1f) =>
        Apply(x, output, (s, d) => ActivationKernels.ELU(s, d, alpha));

    /// <summary>ELU's backward, from the input: dL/dx = dL/dy where x &gt; 0, dL/dy·alpha·e^x elsewhere.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="alpha">The alpha the forward used.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor ELUBackward(Tensor gradOutput, Tensor input, float alpha = 1f) =>
        Backward(gradOutput, input, nameof(input), (g, x, d) => ActivationKernels.ELUBackward(g, x, d, alpha));
}
