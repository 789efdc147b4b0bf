using System.Numerics;
using System.Runtime.InteropServices;

namespace TinyTorch.Core;

// The matrix product, with torch.matmul's (and NumPy's) rules for ranks other than 2.
public sealed partial class Tensor
{
    /// <summary>
    /// The matrix product <c>this · other</c>, following <c>torch.matmul</c>: (m, k)·(k, n) → (m, n);
    /// with more than two dimensions the leading ones are batch dimensions and broadcast, so (b, m, k)·(k, n)
    /// multiplies each of the b matrices by the same (k, n); a 1-d left operand is a row vector and a 1-d
    /// right operand a column vector, and that added dimension is removed again from the result
    /// (two 1-d operands give their dot product as a 0-d tensor).
    /// </summary>
    /// <param name="other">The right operand.</param>
    /// <returns>A new tensor. Sums accumulate in float32, in order of k, as BLAS does.</returns>
    /// <exception cref="ArgumentException">An operand is 0-d, the inner dimensions differ
    /// ("Inner dimensions must match: 2 ≠ 3"), or the batch dimensions cannot be broadcast.</exception>
    public Tensor MatMul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Rank == 0 || other.Rank == 0)
        {
            throw new ArgumentException(
                $"MatMul needs operands with at least one dimension, but got shapes {ShapeString} and {other.ShapeString}; use * to scale by a scalar.",
                nameof(other));
        }

        // Promote vectors to matrices: a row (1, k) on the left, a column (k, 1) on the right.
        int[] a = Rank == 1 ? [1, _shape[0]] : _shape;
        int[] b = other.Rank == 1 ? [other._shape[0], 1] : other._shape;
        int m = a[^2], k = a[^1], n = b[^1];
        if (b[^2] != k)
        {
            throw new ArgumentException(
                $"Inner dimensions must match: {k} ≠ {b[^2]} (shapes {ShapeString} and {other.ShapeString}).", nameof(other));
        }

        int[] batch = BatchShape(a, b, other);
        int[] resultShape = [.. batch, .. Rank == 1 ? Array.Empty<int>() : [m], .. other.Rank == 1 ? Array.Empty<int>() : [n]];
        var c = new float[ShapeUtil.CheckedSize(resultShape, nameof(other))];   // zeroed: the kernel accumulates

        int batchCount = c.Length == 0 ? 0 : c.Length / (m * n);
        int[] aStrides = Broadcasting.Strides(a.AsSpan(0, a.Length - 2), batch.Length);
        int[] bStrides = Broadcasting.Strides(b.AsSpan(0, b.Length - 2), batch.Length);
        var index = new int[batch.Length];
        for (int p = 0; p < batchCount; p++)
        {
            // The offset of batch p in each operand: its broadcast strides (0 where it repeats) times the index.
            int aMatrix = 0, bMatrix = 0;
            for (int d = 0, rest = p; d < batch.Length; d++)
            {
                // Unravel p into the batch index, innermost dimension last.
                int size = batch[batch.Length - 1 - d];
                index[batch.Length - 1 - d] = rest % size;
                rest /= size;
            }

            for (int d = 0; d < batch.Length; d++)
            {
                aMatrix += index[d] * aStrides[d];
                bMatrix += index[d] * bStrides[d];
            }

            MultiplyInto(
                _data.AsSpan(aMatrix * m * k, m * k),
                other._data.AsSpan(bMatrix * k * n, k * n),
                c.AsSpan(p * m * n, m * n),
                m,
                k,
                n);
        }

        return FromOwned(c, resultShape);
    }

    /// <summary>The broadcast of the two operands' batch dimensions (all but the last two).</summary>
    private int[] BatchShape(int[] a, int[] b, Tensor other)
    {
        try
        {
            return Broadcasting.Shape(a.AsSpan(0, a.Length - 2), b.AsSpan(0, b.Length - 2));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(
                $"MatMul cannot broadcast the batch dimensions of shapes {ShapeString} and {other.ShapeString}: {e.Message}",
                nameof(other),
                e);
        }
    }

    /// <summary>
    /// c += a · b for one row-major (m, k) by (k, n) pair, in i-k-j order: the innermost loop runs along a
    /// row of b and a row of c, both contiguous, so it streams memory and vectorizes; the textbook i-j-k
    /// order would walk down a column of b with stride n, one cache line per element.
    /// </summary>
    private static void MultiplyInto(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        ref float br = ref MemoryMarshal.GetReference(b);
        ref float cr = ref MemoryMarshal.GetReference(c);
        for (int i = 0; i < m; i++)
        {
            int cRow = i * n;
            for (int p = 0; p < k; p++)
            {
                // NOTE: no shortcut for aip == 0: 0 · ∞ and 0 · NaN must still make NaN.
                float aip = a[(i * k) + p];
                int bRow = p * n, j = 0;
                var av = new Vector<float>(aip);
                for (; j <= n - Vector<float>.Count; j += Vector<float>.Count)
                {
                    Vector<float> sum = Vector.LoadUnsafe(ref cr, (nuint)(cRow + j)) + (av * Vector.LoadUnsafe(ref br, (nuint)(bRow + j)));
                    sum.StoreUnsafe(ref cr, (nuint)(cRow + j));
                }

                for (; j < n; j++)
                {
                    c[cRow + j] += aip * b[bRow + j];
                }
            }
        }
    }
}
