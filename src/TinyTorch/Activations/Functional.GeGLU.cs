using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>GeGLU along <paramref name="dim"/>: x is split into halves a and b along it, and the result is a·GELU(b) in the chosen form, within 0.57 ULP for the tanh and sigmoid forms (4 for the exact one).</summary>
    /// <param name="x">The input, of rank 1 or more, even along <paramref name="dim"/>.</param>
    /// <param name="dim">The dimension to halve; negative values count from the end. Default −1, the last.</param>
    /// <param name="approximate">The GELU form; the tanh form by default (T5 v1.1's gated-gelu).</param>
    /// <returns>A new tensor of x's shape with <paramref name="dim"/> halved.</returns>
    /// <exception cref="ArgumentException">x is 0-d, or odd along <paramref name="dim"/> (PyTorch's message).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public static Tensor GeGLU(Tensor x, int dim = -1, GeluApproximation approximate = GeluApproximation.Tanh) => GeGLU(x, NewGated(x, dim, nameof(GeGLU)), dim, approximate);

    /// <summary>GeGLU along <paramref name="dim"/>, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input, of rank 1 or more, even along <paramref name="dim"/>.</param>
    /// <param name="output">Receives the result: a tensor of x's shape with <paramref name="dim"/> halved.</param>
    /// <param name="dim">The dimension to halve; negative values count from the end. Default −1, the last.</param>
    /// <param name="approximate">The GELU form; the tanh form by default (T5 v1.1's gated-gelu).</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException">x is 0-d or odd along <paramref name="dim"/>, or output has another shape.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public static Tensor GeGLU(Tensor x, Tensor output, int dim = -1, GeluApproximation approximate = GeluApproximation.Tanh)
    {
        (int length, int stride, int[] halved) = GateAxis(x, dim, nameof(GeGLU), nameof(x));
        CheckGatedOutput(output, halved, x, dim);
        ActivationKernels.GeGLUStrided(x.AsSpan(), output.AsSpan(), length, stride, approximate);
        return output;
    }

    /// <summary>GeGLU's backward: dL/da = g·GELU(b) and dL/db = g·a·GELU′(b) for the forward's form, as one tensor of the input's shape.</summary>
    /// <param name="gradOutput">dL/dy, of the forward's output shape.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="dim">The dimension the forward halved.</param>
    /// <param name="approximate">The GELU form; the tanh form by default (T5 v1.1's gated-gelu).</param>
    /// <returns>dL/dx, of the input's shape.</returns>
    public static Tensor GeGLUBackward(Tensor gradOutput, Tensor input, int dim = -1, GeluApproximation approximate = GeluApproximation.Tanh)
    {
        (int length, int stride, int[] halved) = GateAxis(input, dim, nameof(GeGLU), nameof(input));
        CheckGatedGradient(gradOutput, halved);
        Tensor dx = Tensor.Uninitialized(input.ShapeArray);
        ActivationKernels.GeGLUStridedBackward(gradOutput.AsSpan(), input.AsSpan(), dx.AsSpan(), length, stride, approximate);
        return dx;
    }
}
