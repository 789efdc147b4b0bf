namespace TinyTorch.Core;

// Changing how the elements are arranged: Reshape keeps the row-major order, Transpose changes it.
public sealed partial class Tensor
{
    /// <summary>
    /// The same elements, in the same row-major order, under a new shape. One dimension may be −1: it is
    /// inferred from the element count, as in NumPy and PyTorch.
    /// </summary>
    /// <param name="shape">The new shape; its product must equal <see cref="Size"/>.</param>
    /// <returns>A new tensor with its own copy of the data. Unlike PyTorch's <c>view</c>, writing to it
    /// never changes this tensor: tensors here are always contiguous and never alias each other.</returns>
    /// <exception cref="ArgumentException">More than one −1 ("Can only specify one unknown dimension with -1"),
    /// a dimension below −1, or a different element count ("Total elements must match: 6 ≠ 4").</exception>
    public Tensor Reshape(params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        int unknown = -1;
        long known = 1;
        for (int d = 0; d < shape.Length; d++)
        {
            if (shape[d] == -1)
            {
                if (unknown >= 0)
                {
                    throw new ArgumentException("Can only specify one unknown dimension with -1", nameof(shape));
                }

                unknown = d;
            }
            else if (shape[d] < 0)
            {
                throw new ArgumentException(
                    $"Dimensions must be non-negative or -1, but shape {ShapeUtil.Format(shape)} has {shape[d]}.", nameof(shape));
            }
            else
            {
                // Saturates just past int.MaxValue, so an absurd request cannot overflow into a match.
                known = Math.Min(known * shape[d], (long)int.MaxValue + 1);
            }
        }

        int[] target = (int[])shape.Clone();
        if (unknown >= 0)
        {
            // NOTE: with a 0 among the known dims, any value of the -1 gives 0 elements: it is ambiguous.
            if (known == 0)
            {
                throw new ArgumentException(
                    $"Cannot infer the -1 in shape {ShapeUtil.Format(shape)}: with a 0 among the other dimensions, every size fits.",
                    nameof(shape));
            }

            if (Size % known != 0)
            {
                throw new ArgumentException(
                    $"Total elements must match: {Size} elements cannot fill shape {ShapeUtil.Format(shape)} for any value of the -1.",
                    nameof(shape));
            }

            target[unknown] = (int)(Size / known);
            known *= target[unknown];
        }

        if (known != Size)
        {
            throw new ArgumentException($"Total elements must match: {Size} ≠ {known}", nameof(shape));
        }

        return FromOwned((float[])_data.Clone(), target);
    }

    /// <summary>
    /// Swaps two dimensions, like <c>torch.transpose</c>; by default the last two, so a matrix becomes its
    /// transpose and a batch of matrices a batch of transposes.
    /// </summary>
    /// <param name="dim0">One dimension; negative values count from the end.</param>
    /// <param name="dim1">The other dimension; negative values count from the end.</param>
    /// <returns>A new tensor whose data is rearranged into row-major order for its new shape. For a 0-d or
    /// 1-d tensor with the default dims there is nothing to swap, and the result is a copy (as <c>.T</c>
    /// does in NumPy).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A dim is outside [−rank, rank − 1].</exception>
    public Tensor Transpose(int dim0 = -2, int dim1 = -1)
    {
        if (Rank < 2 && dim0 == -2 && dim1 == -1)
        {
            return FromOwned((float[])_data.Clone(), (int[])_shape.Clone());
        }

        int d0 = ShapeUtil.NormalizeDim(dim0, Rank, nameof(dim0));
        int d1 = ShapeUtil.NormalizeDim(dim1, Rank, nameof(dim1));
        int[] shape = (int[])_shape.Clone();
        (shape[d0], shape[d1]) = (shape[d1], shape[d0]);
        if (d0 == d1 || Size == 0)
        {
            return FromOwned((float[])_data.Clone(), shape);
        }

        if (Math.Min(d0, d1) == Rank - 2 && Math.Max(d0, d1) == Rank - 1)
        {
            return FromOwned(TransposeMatrices(_data, _shape[^2], _shape[^1]), shape);
        }

        // Where each output dimension steps in the source: the source's strides, with the two swapped.
        int[] sourceStrides = RowMajorStrides(_shape);
        (sourceStrides[d0], sourceStrides[d1]) = (sourceStrides[d1], sourceStrides[d0]);

        var result = new float[_data.Length];
        int last = shape.Length - 1, n = shape[last], step = sourceStrides[last];
        var index = new int[last];
        int source = 0;
        for (int target = 0; target < result.Length; target += n)
        {
            for (int j = 0, s = source; j < n; j++, s += step)
            {
                result[target + j] = _data[s];
            }

            for (int d = last - 1; d >= 0; d--)
            {
                source += sourceStrides[d];
                if (++index[d] < shape[d])
                {
                    break;
                }

                source -= sourceStrides[d] * shape[d];
                index[d] = 0;
            }
        }

        return FromOwned(result, shape);
    }

    /// <summary>
    /// Transposes each (rows × cols) matrix of a batch in square tiles. One of the two arrays is always
    /// walked down its columns; within a 32 × 32 tile (4 KiB, well inside L1 cache) each 64-byte line on
    /// that side is used for all 16 of its floats before it is evicted, instead of for one.
    /// </summary>
    private static float[] TransposeMatrices(float[] source, int rows, int cols)
    {
        const int Tile = 32;
        var result = new float[source.Length];
        int matrix = rows * cols;
        for (int offset = 0; offset < source.Length; offset += matrix)
        {
            for (int i0 = 0; i0 < rows; i0 += Tile)
            {
                for (int j0 = 0; j0 < cols; j0 += Tile)
                {
                    int iEnd = Math.Min(i0 + Tile, rows), jEnd = Math.Min(j0 + Tile, cols);
                    for (int i = i0; i < iEnd; i++)
                    {
                        for (int j = j0; j < jEnd; j++)
                        {
                            result[offset + (j * rows) + i] = source[offset + (i * cols) + j];
                        }
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The distance in elements between neighbours along each dimension of a row-major shape.</summary>
    private static int[] RowMajorStrides(int[] shape)
    {
        var strides = new int[shape.Length];
        int stride = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= shape[d];
        }

        return strides;
    }
}
