namespace TinyTorch.Core;

// Comparing tensors by value, and expanding one to another's shape.
public sealed partial class Tensor
{
    /// <summary>
    /// A copy of this tensor repeated along new or size-1 dimensions to <paramref name="shape"/>, like
    /// <c>numpy.broadcast_to</c> (but a real copy, not a read-only view).
    /// </summary>
    /// <param name="shape">The target shape; this shape must broadcast to it.</param>
    /// <returns>A new tensor of <paramref name="shape"/>.</returns>
    /// <exception cref="ArgumentException">This shape does not broadcast to <paramref name="shape"/>.</exception>
    public Tensor BroadcastTo(params int[] shape) => Broadcasting.Expand(this, shape);

    /// <summary>
    /// Whether every pair of elements (after broadcasting) is close: |a − b| ≤ atol + rtol·|b|, with b from
    /// <paramref name="other"/>, as <c>numpy.allclose</c> and <c>torch.allclose</c>. Equal infinities are
    /// close; NaN is close to nothing unless <paramref name="equalNan"/>.
    /// </summary>
    /// <param name="other">The tensor to compare with; its shape must broadcast with this one.</param>
    /// <param name="rtol">The relative tolerance.</param>
    /// <param name="atol">The absolute tolerance.</param>
    /// <param name="equalNan">Whether two NaNs count as close.</param>
    /// <returns>True if all pairs are close (also when there are none).</returns>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public bool AllClose(Tensor other, float rtol = 1e-5f, float atol = 1e-8f, bool equalNan = false)
    {
        ArgumentNullException.ThrowIfNull(other);
        int[] shape = Broadcasting.Shape(_shape, other._shape);
        float[] a = SameShapeAs(shape) ? _data : BroadcastTo(shape)._data;
        float[] b = other.SameShapeAs(shape) ? other._data : other.BroadcastTo(shape)._data;
        for (int i = 0; i < a.Length; i++)
        {
            // In double, so the tolerance itself adds no rounding.
            double x = a[i], y = b[i];
            // NOTE: infinities need the equality test alone: for +∞ against −∞ the tolerance rtol·|b| is ∞
            // too, and |a − b| ≤ ∞ would call them close.
            bool close = x == y
                || (equalNan && double.IsNaN(x) && double.IsNaN(y))
                || (double.IsFinite(y) && Math.Abs(x - y) <= atol + (rtol * Math.Abs(y)));
            if (!close)
            {
                return false;
            }
        }

        return true;
    }

    private bool SameShapeAs(int[] shape) => _shape.AsSpan().SequenceEqual(shape);
}
