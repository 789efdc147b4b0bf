using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The activations as plain functions, like <c>torch.nn.functional</c>: each forward returns a new tensor,
/// each backward takes dL/dy and what the forward saved and returns dL/dx. The module classes
/// (<see cref="T:TinyTorch.Core.ReLU"/>, <see cref="T:TinyTorch.Core.Sigmoid"/>, …) are thin wrappers that remember what to save.
/// </summary>
/// <remarks>
/// Every forward also has an overload with an <c>output</c> tensor, like PyTorch's <c>out=</c>: it writes the
/// result into storage the caller already owns and allocates nothing. That is the way to run at the speed of
/// the span kernels for large tensors, because a fresh output costs more than the kernel: every output of
/// 85 000 bytes or more is a large-object-heap array, the runtime answers a stream of them with gen-2
/// collections, and memory it hands back to the system has to be faulted in again page by page
/// (docs/performance.md, "Tensor level", has the numbers).
/// </remarks>
public static partial class Functional
{
    /// <summary>max(0, x) element-wise; NaN stays NaN and −0 stays −0, as in PyTorch.</summary>
    /// <param name="x">The input.</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor ReLU(Tensor x) => ReLU(x, NewLike(x));

    /// <summary>max(0, x) element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/>'s shape differs from x's.</exception>
    public static Tensor ReLU(Tensor x, Tensor output)
    {
        CheckOutput(x, output);
        ActivationKernels.ReLU(x.AsSpan(), output.AsSpan());
        return output;
    }

    /// <summary>max(0, x) written over x's own storage: no allocation, one pass over memory.</summary>
    /// <param name="x">The input, overwritten with the result.</param>
    /// <returns><paramref name="x"/> itself.</returns>
    public static Tensor ReLUInPlace(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        ActivationKernels.ReLU(x.AsSpan(), x.AsSpan());
        return x;
    }

    /// <summary>σ(x) = 1 / (1 + e^(−x)) element-wise, stable for every input.</summary>
    /// <param name="x">The input.</param>
    /// <returns>A new tensor of x's shape, values in [0, 1].</returns>
    public static Tensor Sigmoid(Tensor x) => Sigmoid(x, NewLike(x));

    /// <summary>σ(x) element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/>'s shape differs from x's.</exception>
    public static Tensor Sigmoid(Tensor x, Tensor output)
    {
        CheckOutput(x, output);
        ActivationKernels.Sigmoid(x.AsSpan(), output.AsSpan());
        return output;
    }

    /// <summary>tanh(x) element-wise.</summary>
    /// <param name="x">The input.</param>
    /// <returns>A new tensor of x's shape, values in [−1, 1].</returns>
    public static Tensor Tanh(Tensor x) => Tanh(x, NewLike(x));

    /// <summary>tanh(x) element-wise, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/>'s shape differs from x's.</exception>
    public static Tensor Tanh(Tensor x, Tensor output)
    {
        CheckOutput(x, output);
        ActivationKernels.Tanh(x.AsSpan(), output.AsSpan());
        return output;
    }

    /// <summary>GELU(x) element-wise in the chosen form.</summary>
    /// <param name="x">The input.</param>
    /// <param name="approximate">The form; the sigmoid form x·σ(1.702x) by default, as TinyTorch.</param>
    /// <returns>A new tensor of x's shape.</returns>
    public static Tensor GELU(Tensor x, GeluApproximation approximate = GeluApproximation.Sigmoid) =>
        GELU(x, NewLike(x), approximate);

    /// <summary>GELU(x) element-wise in the chosen form, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <param name="approximate">The form; the sigmoid form x·σ(1.702x) by default, as TinyTorch.</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/>'s shape differs from x's.</exception>
    public static Tensor GELU(Tensor x, Tensor output, GeluApproximation approximate = GeluApproximation.Sigmoid)
    {
        CheckOutput(x, output);
        ActivationKernels.GELU(x.AsSpan(), output.AsSpan(), approximate);
        return output;
    }

    /// <summary>Softmax along <paramref name="dim"/>: every slice along it becomes a probability distribution.</summary>
    /// <param name="x">The input, of any rank.</param>
    /// <param name="dim">The dimension to normalize; negative values count from the end. Default −1, the last.</param>
    /// <returns>A new tensor of x's shape whose slices along <paramref name="dim"/> sum to 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public static Tensor Softmax(Tensor x, int dim = -1) => Softmax(x, NewLike(x), dim);

    /// <summary>Softmax along <paramref name="dim"/>, written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input, of any rank.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <param name="dim">The dimension to normalize; negative values count from the end. Default −1, the last.</param>
    /// <returns><paramref name="output"/>, whose slices along <paramref name="dim"/> sum to 1.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/>'s shape differs from x's.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public static Tensor Softmax(Tensor x, Tensor output, int dim = -1)
    {
        CheckOutput(x, output);
        (int length, int stride) = SoftmaxAxis(x, dim);
        ActivationKernels.SoftmaxStrided(x.AsSpan(), output.AsSpan(), length, stride);

        return output;
    }

    /// <summary>ReLU's backward: dL/dx = 0 where the forward's output is ≤ 0, else dL/dy (also where it is NaN, as PyTorch).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output (its input works too).</param>
    /// <returns>dL/dx.</returns>
    public static Tensor ReLUBackward(Tensor gradOutput, Tensor output) =>
        Zip(gradOutput, output, nameof(output), ActivationKernels.ReLUBackward);

    /// <summary>Sigmoid's backward: dL/dx = dL/dy · y(1 − y), from the forward's output y.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor SigmoidBackward(Tensor gradOutput, Tensor output) =>
        Zip(gradOutput, output, nameof(output), ActivationKernels.SigmoidBackward);

    /// <summary>Tanh's backward: dL/dx = dL/dy · (1 − y²), from the forward's output y.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor TanhBackward(Tensor gradOutput, Tensor output) =>
        Zip(gradOutput, output, nameof(output), ActivationKernels.TanhBackward);

    /// <summary>GELU's backward: dL/dx = dL/dy · GELU′(x) for the same form as the forward, from its input x.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="approximate">The form the forward used.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor GELUBackward(Tensor gradOutput, Tensor input, GeluApproximation approximate = GeluApproximation.Sigmoid) =>
        Zip(gradOutput, input, nameof(input), (g, x, d) => ActivationKernels.GELUBackward(g, x, d, approximate));

    /// <summary>Softmax's backward: dL/dx = y ⊙ (g − Σ g·y) along <paramref name="dim"/>, from the forward's output y.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="output">The forward's output y.</param>
    /// <param name="dim">The dimension the forward normalized.</param>
    /// <returns>dL/dx.</returns>
    public static Tensor SoftmaxBackward(Tensor gradOutput, Tensor output, int dim = -1)
    {
        CheckGradient(gradOutput, output, nameof(output));
        (int length, int stride) = SoftmaxAxis(output, dim);
        Tensor dx = Tensor.Uninitialized(output.ShapeArray);
        ActivationKernels.SoftmaxStridedBackward(gradOutput.AsSpan(), output.AsSpan(), dx.AsSpan(), length, stride);

        return dx;
    }

    private delegate void BinaryKernel(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination);

    /// <summary>A tensor of x's shape for a forward to overwrite: allocated without a zeroing pass.</summary>
    private static Tensor NewLike(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Tensor.Uninitialized(x.ShapeArray);
    }

    /// <summary>
    /// The output of a forward must exist and have x's shape. It is either x itself (in place, which every kernel
    /// supports) or a different tensor, and different tensors never share storage, so no partial overlap can
    /// reach the kernel.
    /// </summary>
    private static void CheckOutput(Tensor x, Tensor output)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.SameShape(x))
        {
            throw new ArgumentException(
                $"output has shape {output.ShapeString} but x has shape {x.ShapeString}; they must match.", nameof(output));
        }
    }

    private static Tensor Zip(Tensor gradOutput, Tensor saved, string savedName, BinaryKernel kernel)
    {
        CheckGradient(gradOutput, saved, savedName);
        Tensor dx = Tensor.Uninitialized(saved.ShapeArray);
        kernel(gradOutput.AsSpan(), saved.AsSpan(), dx.AsSpan());
        return dx;
    }

    private static void CheckGradient(Tensor gradOutput, Tensor saved, string savedName)
    {
        ArgumentNullException.ThrowIfNull(gradOutput);
        ArgumentNullException.ThrowIfNull(saved, savedName);
        if (!gradOutput.SameShape(saved))
        {
            throw new ArgumentException(
                $"gradOutput has shape {gradOutput.ShapeString} but the forward pass had shape {saved.ShapeString}; they must match.",
                nameof(gradOutput));
        }
    }

    /// <summary>The softmax axis of x as (its length, the stride between its elements).</summary>
    private static (int Length, int Stride) SoftmaxAxis(Tensor x, int dim)
    {
        int d = ShapeUtil.NormalizeDim(dim, x.Rank);
        (_, int length, int inner) = ShapeUtil.SplitAt(x.ShapeArray, d);
        return (length, inner);
    }
}
