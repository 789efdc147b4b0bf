using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>
    /// Log-softmax along <paramref name="dim"/>: xᵢ − m − ln Σⱼ e^(xⱼ − m) in one step, within 1 ULP (see
    /// <see cref="ActivationKernels.LogSoftmax(ReadOnlySpan{float}, Span{float}, int)"/>); what a negative log-likelihood loss takes.
    /// </summary>
    /// <param name="x">The input, of any rank.</param>
    /// <param name="dim">The dimension to normalize; negative values count from the end. Default −1, the last.</param>
    /// <returns>A new tensor of x's shape whose slices along <paramref name="dim"/> satisfy Σ e^y = 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public static Tensor LogSoftmax(Tensor x, int dim = -1) => LogSoftmax(x, NewLike(x), dim);

    /// <summary>Log-softmax along <paramref name="dim"/>, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input, of any rank.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <param name="dim">The dimension to normalize; negative values count from the end. Default −1, the last.</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/>'s shape differs from x's.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public static Tensor LogSoftmax(Tensor x, Tensor output, int dim = -1)
    {
        CheckOutput(x, output);
        (int length, int stride) = SoftmaxAxis(x, dim);
        ActivationKernels.LogSoftmaxStrided(x.AsSpan(), output.AsSpan(), length, stride);
        return output;
    }

    /// <summary>Log-softmax's backward: dL/dx = g − softmax(x)·Σg along <paramref name="dim"/>, from the forward's output y (softmax = e^y).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <param name="dim">The dim the forward normalized.</param>
    /// <returns>dL/dx.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public static Tensor LogSoftmaxBackward(Tensor gradOutput, Tensor output, int dim = -1)
    {
        CheckGradient(gradOutput, output, nameof(output));
        (int length, int stride) = SoftmaxAxis(output, dim);
        Tensor dx = Tensor.Uninitialized(output.ShapeArray);
        ActivationKernels.LogSoftmaxStridedBackward(gradOutput.AsSpan(), output.AsSpan(), dx.AsSpan(), length, stride);
        return dx;
    }
}
