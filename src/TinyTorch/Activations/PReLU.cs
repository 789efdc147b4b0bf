using System.Globalization;
using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The parametric rectifier: x for x &gt; 0, a·x otherwise, where the slope a is learned, one for all channels or
/// one per channel (dim 1 of the input, as PyTorch). He et al. 2015 ("Delving Deep into Rectifiers").
/// </summary>
/// <remarks>
/// The one activation with a parameter: <see cref="Weight"/>, which <see cref="Parameters"/> returns. Backward
/// returns dL/dx and adds dL/dweight into <see cref="Weight"/>'s <see cref="Tensor.Grad"/> (created as zeros the
/// first time), as PyTorch's autograd accumulates: call it twice and the gradient is the sum; clear
/// <c>Weight.Grad</c> (set it to null) between steps.
/// Saves the input and a copy of the slopes for Backward, as one record (<see cref="PReLUSaved"/>).
/// Threads: one instance may be shared; Backward differentiates the most recent Forward on the calling thread (see
/// <see cref="IActivation"/>), and the accumulation into Weight.Grad is done under a lock, so concurrent Backward
/// calls add up (in whichever order they arrive).
/// </remarks>
public sealed class PReLU : IActivation
{
    private readonly ActivationState<PReLUSaved> _state = new();
    private readonly Lock _gradLock = new();

    /// <summary>Creates a PReLU.</summary>
    /// <param name="numParameters">How many slopes: 1 (shared by every element, PyTorch's default) or the input's channel count.</param>
    /// <param name="init">The initial value of every slope (PyTorch's default 0.25); any finite value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numParameters"/> is below 1, or
    /// <paramref name="init"/> is NaN or infinite.</exception>
    public PReLU(int numParameters = 1, float init = 0.25f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numParameters, 1);
        ActivationKernels.RequireFinite(init, nameof(init));
        // The module's own state outlives any dispose scope it is created in.
        Weight = Tensor.Full([numParameters], init).DetachFromDisposeScope();
        Weight.RequiresGrad = true;
    }

    /// <summary>The learnable slopes, shape [numParameters]: change them in place (an optimizer step) to learn.</summary>
    public Tensor Weight { get; }

    /// <summary>How many slopes: 1, or the channel count the input must have.</summary>
    public int NumParameters => Weight.Size;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">NumParameters is neither 1 nor x's channel count (dim 1; 1 for an input of
    /// fewer than 2 dims), in PyTorch's words.</exception>
    public Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Forward(x, Tensor.Uninitialized(x.ShapeArray));
    }

    /// <summary>
    /// Applies PReLU into <paramref name="output"/>, a tensor the caller owns: the way to reuse one output tensor from
    /// call to call. Allocates nothing of x's size; it saves x and a copy of the slopes (NumParameters floats), as
    /// <see cref="Forward(Tensor)"/> does.
    /// </summary>
    /// <param name="x">The input; left alone.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, not x itself.</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/>'s shape differs from x's, or it is x itself (PReLU
    /// saves its input for Backward), or NumParameters is neither 1 nor x's channel count. Nothing is written or saved.</exception>
    public Tensor Forward(Tensor x, Tensor output)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(output);

        // NOTE: Backward reads the saved x (the slope is chosen by its sign, dL/dweight sums g·x): written in place, it
        // would differentiate at PReLU(x) instead. Functional.PReLU(x, weight, x) is fine when no gradient is wanted.
        if (ReferenceEquals(x, output))
        {
            throw new ArgumentException(
                "PReLU saves its input for Backward, so the output cannot be the input itself; pass another tensor of its shape.",
                nameof(output));
        }

        if (!output.SameShape(x))
        {
            throw new ArgumentException($"output has shape {output.ShapeString} but x has shape {x.ShapeString}; they must match.", nameof(output));
        }

        var slopes = new Tensor(Weight.ToArray(), [NumParameters]);
        Functional.PReLU(x, slopes, output);
        _state.Save(new PReLUSaved(x, slopes));
        return output;
    }

    /// <summary>
    /// dL/dx for the most recent Forward on this thread; also adds dL/dweight into <c>Weight.Grad</c>.
    /// </summary>
    /// <param name="gradOutput">dL/dy, of the forward's shape.</param>
    /// <returns>dL/dx.</returns>
    /// <exception cref="InvalidOperationException">No forward on this thread, or Weight.Grad was replaced by a tensor of
    /// another shape.</exception>
    /// <exception cref="ArgumentException"><paramref name="gradOutput"/>'s shape differs from the forward's.</exception>
    public Tensor Backward(Tensor gradOutput)
    {
        PReLUSaved saved = _state.Saved(nameof(PReLU), "Functional.PReLUBackward(gradOutput, x, weight)");
        (Tensor dx, Tensor dw) = Functional.PReLUBackward(gradOutput, saved.Input, saved.Weight);
        lock (_gradLock)
        {
            Tensor grad = Weight.Grad ??= Tensor.Zeros(NumParameters).DetachFromDisposeScope();
            if (!grad.SameShape(Weight))
            {
                throw new InvalidOperationException(
                    $"PReLU.Weight.Grad has shape {grad.ShapeString} but Weight has shape {Weight.ShapeString}; set it to null or to a tensor of Weight's shape.");
            }

            Span<float> sum = grad.AsSpan();
            ReadOnlySpan<float> add = dw.AsSpan();
            for (int i = 0; i < sum.Length; i++)
            {
                sum[i] += add[i];
            }
        }

        return dx;
    }

    /// <summary>The learnable parameters: <see cref="Weight"/>.</summary>
    /// <returns>A list of one tensor.</returns>
    public IReadOnlyList<Tensor> Parameters() => [Weight];

    /// <inheritdoc/>
    public override string ToString() => $"PReLU(num_parameters={NumParameters.ToString(CultureInfo.InvariantCulture)})";
}
