using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>GLU along <paramref name="dim"/>: x is split into halves a and b along it, and the result is a·σ(b), within 0.57 ULP.</summary>
    /// <param name="x">The input, of rank 1 or more, even along <paramref name="dim"/>.</param>
    /// <param name="dim">The dimension to halve; negative values count from the end. Default −1, the last.</param>
    /// <returns>A new tensor of x's shape with <paramref name="dim"/> halved.</returns>
    /// <exception cref="ArgumentException">x is 0-d, or odd along <paramref name="dim"/> (PyTorch's message).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public static Tensor GLU(Tensor x, int dim = -1) => GLU(x, NewGated(x, dim, nameof(GLU)), dim);

    /// <summary>GLU along <paramref name="dim"/>, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input, of rank 1 or more, even along <paramref name="dim"/>.</param>
    /// <param name="output">Receives the result: a tensor of x's shape with <paramref name="dim"/> halved.</param>
    /// <param name="dim">The dimension to halve; negative values count from the end. Default −1, the last.</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException">x is 0-d or odd along <paramref name="dim"/>, or output has another shape.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public static Tensor GLU(Tensor x, Tensor output, int dim = -1)
    {
        (int length, int stride, int[] halved) = GateAxis(x, dim, nameof(GLU), nameof(x));
        CheckGatedOutput(output, halved, x, dim);
        ActivationKernels.GLUStrided(x.AsSpan(), output.AsSpan(), length, stride);
        return output;
    }

    /// <summary>GLU's backward: dL/da = g·σ(b) and dL/db = g·a·σ(b)(1 − σ(b)), as one tensor of the input's shape.</summary>
    /// <param name="gradOutput">dL/dy, of the forward's output shape.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="dim">The dimension the forward halved.</param>
    /// <returns>dL/dx, of the input's shape.</returns>
    public static Tensor GLUBackward(Tensor gradOutput, Tensor input, int dim = -1)
    {
        (int length, int stride, int[] halved) = GateAxis(input, dim, nameof(GLU), nameof(input));
        CheckGatedGradient(gradOutput, halved);
        Tensor dx = Tensor.Uninitialized(input.ShapeArray);
        ActivationKernels.GLUStridedBackward(gradOutput.AsSpan(), input.AsSpan(), dx.AsSpan(), length, stride);
        return dx;
    }
}
