using System.Numerics;
using System.Runtime.InteropServices;
using TinyTorch.Kernels;

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

        // One unit of work is one row of one product: rows are independent, so large products spread over
        // cores, and every row is computed by the same code on whichever thread, so results never depend
        // on the thread count.
        int rows = c.Length == 0 ? 0 : c.Length / n;
        int[] aStrides = Broadcasting.Strides(a.AsSpan(0, a.Length - 2), batch.Length);
        int[] bStrides = Broadcasting.Strides(b.AsSpan(0, b.Length - 2), batch.Length);
        float[] aData = _data, bData = other._data;
        ParallelRunner.ForRanges(rows, (long)k * n, (start, end) =>
        {
            for (int r = start; r < end; r++)
            {
                int p = r / m, i = r % m;
                (int aMatrix, int bMatrix) = BatchOffsets(p, batch, aStrides, bStrides);
                MultiplyRow(
                    aData.AsSpan(((aMatrix * m) + i) * k, k),
                    bData.AsSpan(bMatrix * k * n, k * n),
                    c.AsSpan(r * n, n));
            }
        });

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
    /// Which matrix of each operand batch <paramref name="p"/> (a flat row-major index into the broadcast
    /// batch shape) uses: its broadcast strides, 0 along a dimension it repeats, times the batch index.
    /// </summary>
    private static (int A, int B) BatchOffsets(int p, int[] batch, int[] aStrides, int[] bStrides)
    {
        int aMatrix = 0, bMatrix = 0;
        for (int d = batch.Length - 1; d >= 0; d--)
        {
            int index = p % batch[d];
            p /= batch[d];
            aMatrix += index * aStrides[d];
            bMatrix += index * bStrides[d];
        }

        return (aMatrix, bMatrix);
    }

    /// <summary>
    /// c += a · b for one row a (length k) of the left matrix and the whole row-major (k, n) right matrix,
    /// in i-k-j order: the innermost loop runs along a row of b and the row of c, both contiguous, so it
    /// streams memory and vectorizes; the textbook i-j-k order would walk down a column of b with stride n,
    /// one cache line per element.
    /// </summary>
    private static void MultiplyRow(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c)
    {
        ref float br = ref MemoryMarshal.GetReference(b);
        ref float cr = ref MemoryMarshal.GetReference(c);
        int n = c.Length;
        for (int p = 0; p < a.Length; p++)
        {
            // NOTE: no shortcut for a[p] == 0: 0 · ∞ and 0 · NaN must still make NaN.
            float ap = a[p];
            var av = new Vector<float>(ap);
            int bRow = p * n, j = 0;
            for (; j <= n - Vector<float>.Count; j += Vector<float>.Count)
            {
                Vector<float> sum = Vector.LoadUnsafe(ref cr, (nuint)j) + (av * Vector.LoadUnsafe(ref br, (nuint)(bRow + j)));
                sum.StoreUnsafe(ref cr, (nuint)j);
            }

            for (; j < n; j++)
            {
                c[j] += ap * b[bRow + j];
            }
        }
    }
}
