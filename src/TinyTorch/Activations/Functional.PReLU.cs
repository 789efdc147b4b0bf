using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>
    /// PReLU: x for x &gt; 0, weight[c]·x otherwise, c the element's channel, dim 1 of x (as PyTorch: an input of
    /// fewer than 2 dims has one channel).
    /// </summary>
    /// <param name="x">The input, of any shape (at least 1-d when there is more than one slope).</param>
    /// <param name="weight">The slopes: a scalar or 1-d tensor of one element, or of one per channel.</param>
    /// <returns>A new tensor of x's shape.</returns>
    /// <exception cref="ArgumentException">weight is not 0-d or 1-d, or its size is neither 1 nor x's channel count
    /// (PyTorch's "Mismatch of parameter numbers and input channel size"), or x is 0-d with several slopes.</exception>
    public static Tensor PReLU(Tensor x, Tensor weight) => PReLU(x, weight, NewLike(x));

    /// <summary>PReLU written into <paramref name="output"/>: no allocation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="weight">The slopes (see <see cref="PReLU(Tensor, Tensor)"/>).</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException">As <see cref="PReLU(Tensor, Tensor)"/>, or output's shape differs from x's.</exception>
    public static Tensor PReLU(Tensor x, Tensor weight, Tensor output)
    {
        int inner = PReLUInner(x, weight);
        CheckOutput(x, output);
        ActivationKernels.PReLU(x.AsSpan(), output.AsSpan(), weight.AsSpan(), inner);
        return output;
    }

    /// <summary>
    /// PReLU's backward: dL/dx = dL/dy where x &gt; 0, dL/dy·weight[c] elsewhere; dL/dweight[c] = Σ dL/dy·x over
    /// channel c's elements where x ≤ 0 (summed in double, rounded once).
    /// </summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="weight">The slopes the forward used.</param>
    /// <returns>dL/dx, of x's shape, and dL/dweight, of weight's shape (not accumulated anywhere: the module does that).</returns>
    /// <exception cref="ArgumentException">gradOutput's shape differs from input's, or the weight does not fit (see <see cref="PReLU(Tensor, Tensor)"/>).</exception>
    public static (Tensor GradInput, Tensor GradWeight) PReLUBackward(Tensor gradOutput, Tensor input, Tensor weight)
    {
        int inner = PReLUInner(input, weight, nameof(input));
        CheckGradient(gradOutput, input, nameof(input));
        Tensor dx = Tensor.Uninitialized(input.ShapeArray);
        Tensor dw = Tensor.Uninitialized(weight.ShapeArray);
        ActivationKernels.PReLUBackward(gradOutput.AsSpan(), input.AsSpan(), dx.AsSpan(), weight.AsSpan(), inner, dw.AsSpan());
        return (dx, dw);
    }

    /// <summary>Checks weight against x as PyTorch's prelu does, and returns the elements per channel in one slice.</summary>
    private static int PReLUInner(Tensor x, Tensor weight, string xName = "x")
    {
        ArgumentNullException.ThrowIfNull(x, xName);
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Rank > 1)
        {
            throw new ArgumentException($"prelu: Expected `weight` to be a scalar or 1D tensor, but got ndim = {weight.Rank}.", nameof(weight));
        }

        if (weight.Size == 1)
        {
            return 1;   // one slope for every element: the layout does not matter
        }

        if (x.Rank == 0)
        {
            throw new ArgumentException(
                $"Not allow zero-dim input tensor: {xName} is a scalar, which has no channel dim for {weight.Size} slopes.", xName);
        }

        // NOTE: PyTorch's rule: the channel dim is dim 1; an input of fewer than 2 dims has one channel.
        int channels = x.Rank >= 2 ? x.Shape[1] : 1;
        if (weight.Size != channels)
        {
            throw new ArgumentException(
                $"Mismatch of parameter numbers and input channel size. Found parameter numbers = {weight.Size} and channel size = {channels}.",
                nameof(weight));
        }

        int inner = 1;
        for (int d = 2; d < x.Rank; d++)
        {
            inner *= x.Shape[d];
        }

        return inner;
    }
}
