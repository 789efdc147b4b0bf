using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>Softplus element-wise: (1/beta)·ln(1 + e^(beta·x)), x where beta·x &gt; threshold.</summary>
    /// <param name="x">The input.</param>
    /// <param name="beta">The sharpness (default 1, as PyTorch); above 0.</param>
    /// <param name="threshold">Above it (in beta·x) the result is x (default 20).</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor Softplus(Tensor x, float beta = 1f, float threshold = 20f) => Softplus(x, NewLike(x), beta, threshold);

    /// <summary>Softplus element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <param name="beta">The sharpness; above 0.</param>
    /// <param name="threshold">Above it (in beta·x) the result is x.</param>
    /// <returns><paramref name="output"/>.</returns>
    public static Tensor Softplus(Tensor x, Tensor output, float beta = 1f, float threshold = 20f) =>
        Apply(x, output, (s, d) => ActivationKernels.Softplus(s, d, beta, threshold));

    /// <summary>Softplus's backward, from the input: dL/dx = dL/dy·σ(beta·x), dL/dy where beta·x &gt; threshold.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="beta">The beta the forward used.</param>
    /// <param name="threshold">The threshold the forward used.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor SoftplusBackward(Tensor gradOutput, Tensor input, float beta = 1f, float threshold = 20f) =>
        Backward(gradOutput, input, nameof(input), (g, x, d) => ActivationKernels.SoftplusBackward(g, x, d, beta, threshold));
}
