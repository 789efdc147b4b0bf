using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>ReGLU along <paramref name="dim"/>: x is split into halves a and b along it, and the result is a·max(0, b), correctly rounded.</summary>
    /// <param name="x">The input, of rank 1 or more, even along <paramref name="dim"/>.</param>
    /// <param name="dim">The dimension to halve; negative values count from the end. Default −1, the last.</param>
    /// <returns>A new tensor of x's shape with <paramref name="dim"/> halved.</returns>
    /// <exception cref="ArgumentException">x is 0-d, or odd along <paramref name="dim"/> (PyTorch's message).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public static Tensor ReGLU(Tensor x, int dim = -1) => ReGLU(x, NewGated(x, dim, nameof(ReGLU)), dim);

    /// <summary>ReGLU along <paramref name="dim"/>, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input, of rank 1 or more, even along <paramref name="dim"/>.</param>
    /// <param name="output">Receives the result: a tensor of x's shape with <paramref name="dim"/> halved.</param>
    /// <param name="dim">The dimension to halve; negative values count from the end. Default −1, the last.</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException">x is 0-d or odd along <paramref name="dim"/>, or output has another shape.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public static Tensor ReGLU(Tensor x, Tensor output, int dim = -1)
    {
        (int length, int stride, int[] halved) = GateAxis(x, dim, nameof(ReGLU), nameof(x));
        CheckGatedOutput(output, halved, x, dim);
        ActivationKernels.ReGLUStrided(x.AsSpan(), output.AsSpan(), length, stride);
        return output;
    }

    /// <summary>ReGLU's backward: dL/da = g·max(0, b) and dL/db = g·a where b &gt; 0, else 0, as one tensor of the input's shape.</summary>
    /// <param name="gradOutput">dL/dy, of the forward's output shape.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="dim">The dimension the forward halved.</param>
    /// <returns>dL/dx, of the input's shape.</returns>
    public static Tensor ReGLUBackward(Tensor gradOutput, Tensor input, int dim = -1)
    {
        (int length, int stride, int[] halved) = GateAxis(input, dim, nameof(ReGLU), nameof(input));
        CheckGatedGradient(gradOutput, halved);
        Tensor dx = Tensor.Uninitialized(input.ShapeArray);
        ActivationKernels.ReGLUStridedBackward(gradOutput.AsSpan(), input.AsSpan(), dx.AsSpan(), length, stride);
        return dx;
    }
}
