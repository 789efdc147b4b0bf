using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>Softmin along <paramref name="dim"/>: softmax(−x), within softmax's bounds (see <see cref="ActivationKernels.Softmin(ReadOnlySpan{float}, Span{float}, int)"/>).</summary>
    /// <param name="x">The input, of any rank.</param>
    /// <param name="dim">The dimension to normalize; negative values count from the end. Default −1, the last.</param>
    /// <returns>A new tensor of x's shape whose slices along <paramref name="dim"/> sum to 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public static Tensor Softmin(Tensor x, int dim = -1) => Softmin(x, NewLike(x), dim);

    /// <summary>Softmin along <paramref name="dim"/>, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input, of any rank.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <param name="dim">The dimension to normalize; negative values count from the end. Default −1, the last.</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/>'s shape differs from x's.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public static Tensor Softmin(Tensor x, Tensor output, int dim = -1)
    {
        CheckOutput(x, output);
        (int length, int stride) = SoftmaxAxis(x, dim);
        ActivationKernels.SoftminStrided(x.AsSpan(), output.AsSpan(), length, stride);
        return output;
    }

    /// <summary>Softmin's backward: dL/dx = −y ⊙ (g − Σ g·y) along <paramref name="dim"/>, from the forward's output y.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <param name="dim">The dim the forward normalized.</param>
    /// <returns>dL/dx.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public static Tensor SoftminBackward(Tensor gradOutput, Tensor output, int dim = -1)
    {
        CheckGradient(gradOutput, output, nameof(output));
        (int length, int stride) = SoftmaxAxis(output, dim);
        Tensor dx = Tensor.Uninitialized(output.ShapeArray);
        ActivationKernels.SoftminStridedBackward(gradOutput.AsSpan(), output.AsSpan(), dx.AsSpan(), length, stride);
        return dx;
    }
}
