namespace TinyTorch.Core;

/// <summary>
/// The engine behind <see cref="Tensor.Sum()"/>, <see cref="Tensor.Mean()"/> and <see cref="Tensor.Max()"/>:
/// validates the axes, works out the result's shape, and walks the input once, in storage order.
/// </summary>
/// <remarks>
/// The walk: dimensions of size 1 are dropped, and neighbouring dimensions that are both reduced or both
/// kept are merged, since a row-major tensor lays them out as one longer dimension. What remains alternates
/// kept and reduced, e.g. a sum over axis 1 of (4, 5, 6) is (kept 4, reduced 5, kept 6). The innermost
/// merged dimension decides the inner loop: if it is reduced, a contiguous run folds into one accumulator;
/// if it is kept, a contiguous row folds element-wise into a row of accumulators. Either way the input is
/// read sequentially, never with a stride.
/// </remarks>
internal static class Reduction
{
    /// <summary>The result shape and, per input dimension, whether it is reduced.</summary>
    public readonly record struct Plan(int[] Shape, bool[] Reduced, long Count);

    /// <summary>
    /// Checks and normalizes <paramref name="axes"/> for tensor shape <paramref name="shape"/>.
    /// <paramref name="axes"/> null means every axis.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is outside [−rank, rank − 1].</exception>
    /// <exception cref="ArgumentException">An axis appears twice.</exception>
    public static Plan MakePlan(int[] shape, int[]? axes, bool keepDims, string paramName)
    {
        var reduced = new bool[shape.Length];
        if (axes is null)
        {
            Array.Fill(reduced, true);
        }
        else
        {
            foreach (int axis in axes)
            {
                int d = ShapeUtil.NormalizeDim(axis, shape.Length, paramName);
                if (shape.Length == 0)
                {
                    continue;   // a 0-d tensor accepts axis 0 or −1, as PyTorch does; there is nothing to reduce
                }

                if (reduced[d])
                {
                    throw new ArgumentException(
                        $"Axis {d} appears more than once in the axes ({string.Join(", ", axes)}) for shape {ShapeUtil.Format(shape)}.",
                        paramName);
                }

                reduced[d] = true;
            }
        }

        var result = new List<int>(shape.Length);
        var reducedDims = new List<int>(shape.Length);
        for (int d = 0; d < shape.Length; d++)
        {
            if (reduced[d])
            {
                reducedDims.Add(shape[d]);
                if (keepDims)
                {
                    result.Add(1);
                }
            }
            else
            {
                result.Add(shape[d]);
            }
        }

        // NOTE: saturating, not a plain long product: an empty tensor may have reduced dims whose product passes
        // long's range ((0, 65536, 65536, 65536, 65536) over the last four), which would wrap and could land on 0,
        // making Max call a selection of 2^64 elements empty.
        return new Plan(result.ToArray(), reduced, ShapeUtil.Product(reducedDims.ToArray()));
    }

    /// <summary>
    /// Reduces <paramref name="input"/> (shaped <paramref name="shape"/>) into <paramref name="output"/>,
    /// which holds one accumulator per result element and arrives filled with the reducer's identity.
    /// </summary>
    public static void Run<TReducer, TAccumulator>(ReadOnlySpan<float> input, int[] shape, bool[] reduced, Span<TAccumulator> output)
        where TReducer : IReducer<TAccumulator>
        where TAccumulator : struct
    {
        if (input.Length == 0)
        {
            return;
        }

        (int[] sizes, bool[] isReduced) = Merge(shape, reduced);

        // The output stride of each merged dimension: 0 if reduced (all its elements land in one place).
        int last = sizes.Length - 1;
        var outStrides = new int[sizes.Length];
        for (int d = last, stride = 1; d >= 0; d--)
        {
            outStrides[d] = isReduced[d] ? 0 : stride;
            stride *= isReduced[d] ? 1 : sizes[d];
        }

        int n = sizes[last];
        var index = new int[last];
        int outOffset = 0;
        for (int inOffset = 0; inOffset < input.Length; inOffset += n)
        {
            ReadOnlySpan<float> run = input.Slice(inOffset, n);
            if (isReduced[last])
            {
                output[outOffset] = TReducer.Fold(output[outOffset], run);
            }
            else
            {
                TReducer.Combine(output.Slice(outOffset, n), run);
            }

            for (int d = last - 1; d >= 0; d--)
            {
                outOffset += outStrides[d];
                if (++index[d] < sizes[d])
                {
                    break;
                }

                outOffset -= outStrides[d] * sizes[d];
                index[d] = 0;
            }
        }
    }

    /// <summary>Drops size-1 dimensions and merges neighbours of the same kind (see the remarks).</summary>
    private static (int[] Sizes, bool[] Reduced) Merge(int[] shape, bool[] reduced)
    {
        var sizes = new List<int>(shape.Length);
        var kinds = new List<bool>(shape.Length);
        for (int d = 0; d < shape.Length; d++)
        {
            if (shape[d] == 1)
            {
                continue;
            }

            if (kinds.Count > 0 && kinds[^1] == reduced[d])
            {
                sizes[^1] *= shape[d];
            }
            else
            {
                sizes.Add(shape[d]);
                kinds.Add(reduced[d]);
            }
        }

        // A single element (every dimension 1, or 0-d) is one run of length 1 bound for one output.
        return sizes.Count == 0 ? ([1], [true]) : (sizes.ToArray(), kinds.ToArray());
    }
}
