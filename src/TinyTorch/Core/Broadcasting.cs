namespace TinyTorch.Core;

/// <summary>
/// NumPy's broadcasting rule and the element-wise engine built on it.
/// </summary>
/// <remarks>
/// The rule: line the two shapes up from the right; each pair of sizes must be equal, or one of them 1;
/// a missing dimension counts as 1. The result takes the larger size of every pair. So (2, 3) with (3,)
/// gives (2, 3), (2, 1) with (1, 3) gives (2, 3), and a 0-d scalar goes with anything.
/// <para>
/// The engine never materializes a broadcast operand. A dimension an operand is broadcast along gets
/// stride 0 — it reads the same element again. Adjacent dimensions that are laid out contiguously for
/// both operands are then merged, so "tensor + scalar" is one flat loop and "(2, 3) + (3,)" is two rows
/// of three, each row one call to a vectorized <see cref="ArithmeticLoops"/> loop.
/// </para>
/// </remarks>
internal static class Broadcasting
{
    /// <summary>The shape <paramref name="a"/> and <paramref name="b"/> broadcast to.</summary>
    /// <exception cref="ArgumentException">Some aligned pair of sizes differs and neither is 1.</exception>
    public static int[] Shape(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int fromEnd = 1; fromEnd <= rank; fromEnd++)
        {
            int x = fromEnd <= a.Length ? a[^fromEnd] : 1;
            int y = fromEnd <= b.Length ? b[^fromEnd] : 1;
            if (x != y && x != 1 && y != 1)
            {
                throw new ArgumentException(
                    $"Cannot broadcast shapes {ShapeUtil.Format(a)} and {ShapeUtil.Format(b)}: " +
                    $"dimension {-fromEnd} has sizes {x} and {y}, and neither is 1.");
            }

            result[^fromEnd] = x == 1 ? y : x;
        }

        return result;
    }

    /// <summary>
    /// The row-major strides of <paramref name="shape"/> as seen from a tensor of rank <paramref name="targetRank"/>:
    /// 0 along every dimension <paramref name="shape"/> lacks or has size 1 in, so it repeats there.
    /// </summary>
    public static int[] Strides(ReadOnlySpan<int> shape, int targetRank)
    {
        var strides = new int[targetRank];
        int stride = 1;
        for (int fromEnd = 1; fromEnd <= shape.Length; fromEnd++)
        {
            int n = shape[^fromEnd];
            strides[^fromEnd] = n == 1 ? 0 : stride;
            stride *= n;
        }

        return strides;
    }

    /// <summary>z = a ∘ b with broadcasting, as a new tensor.</summary>
    public static Tensor Apply<TOp>(Tensor a, Tensor b)
        where TOp : IArithmeticOperator
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.SameShape(b))
        {
            Tensor same = Tensor.Uninitialized(a.ShapeArray);
            ArithmeticLoops.Both<TOp>(a.Data, b.Data, same.Data);
            return same;
        }

        int[] shape = Shape(a.ShapeArray, b.ShapeArray);
        Tensor z = Tensor.Uninitialized(shape);
        if (z.Size == 0)
        {
            return z;
        }

        (int[] sizes, int[] aStrides, int[] bStrides) = Merge(shape, Strides(a.ShapeArray, shape.Length), Strides(b.ShapeArray, shape.Length));
        Run<TOp>(a.Data, b.Data, z.Data, sizes, aStrides, bStrides);
        return z;
    }

    /// <summary>A copy of <paramref name="a"/> repeated out to <paramref name="shape"/>, which it must broadcast to.</summary>
    /// <exception cref="ArgumentException"><paramref name="a"/>'s shape does not broadcast to <paramref name="shape"/>.</exception>
    public static Tensor Expand(Tensor a, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(shape);
        ShapeUtil.CheckedSize(shape, nameof(shape));
        if (a.Rank > shape.Length || !Shape(a.ShapeArray, shape).AsSpan().SequenceEqual(shape))
        {
            throw new ArgumentException(
                $"Cannot broadcast shape {a.ShapeString} to {ShapeUtil.Format(shape)}: every dimension must match or be 1.",
                nameof(shape));
        }

        Tensor z = Tensor.Uninitialized(shape);
        if (z.Size > 0)
        {
            (int[] sizes, int[] aStrides, int[] zeroStrides) = Merge(shape, Strides(a.ShapeArray, shape.Length), new int[shape.Length]);
            Run<FirstOperator>(a.Data, [0f], z.Data, sizes, aStrides, zeroStrides);
        }

        return z;
    }

    /// <summary>
    /// Drops dimensions of size 1 and merges each dimension into the next one whenever both operands step
    /// through the pair as through one longer dimension (stride[d] = stride[d+1] · size[d+1], which also
    /// holds when both strides are 0). Never returns an empty list: a shape of all 1s becomes (1,).
    /// </summary>
    private static (int[] Sizes, int[] AStrides, int[] BStrides) Merge(int[] shape, int[] aStrides, int[] bStrides)
    {
        var sizes = new List<int>(shape.Length);
        var sa = new List<int>(shape.Length);
        var sb = new List<int>(shape.Length);
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            if (shape[d] == 1)
            {
                continue;
            }

            // The lists are built from the innermost dimension outwards, so index 0 is the last one added.
            if (sizes.Count > 0 && aStrides[d] == sa[0] * sizes[0] && bStrides[d] == sb[0] * sizes[0])
            {
                sizes[0] *= shape[d];
                continue;
            }

            sizes.Insert(0, shape[d]);
            sa.Insert(0, aStrides[d]);
            sb.Insert(0, bStrides[d]);
        }

        if (sizes.Count == 0)
        {
            return ([1], [0], [0]);
        }

        return (sizes.ToArray(), sa.ToArray(), sb.ToArray());
    }

    /// <summary>Walks the outer dimensions like an odometer and hands each innermost row to a span loop.</summary>
    private static void Run<TOp>(float[] a, float[] b, float[] z, int[] sizes, int[] aStrides, int[] bStrides)
        where TOp : IArithmeticOperator
    {
        int last = sizes.Length - 1, n = sizes[last];
        int aStep = aStrides[last], bStep = bStrides[last];
        var index = new int[last];
        int aOffset = 0, bOffset = 0;
        for (int zOffset = 0; zOffset < z.Length; zOffset += n)
        {
            Span<float> row = z.AsSpan(zOffset, n);
            switch (aStep, bStep)
            {
                case (0, 0):
                    row.Fill(TOp.Invoke(a[aOffset], b[bOffset]));
                    break;
                case (0, _):
                    ArithmeticLoops.LeftFixed<TOp>(a[aOffset], b.AsSpan(bOffset, n), row);
                    break;
                case (_, 0):
                    ArithmeticLoops.RightFixed<TOp>(a.AsSpan(aOffset, n), b[bOffset], row);
                    break;
                default:
                    ArithmeticLoops.Both<TOp>(a.AsSpan(aOffset, n), b.AsSpan(bOffset, n), row);
                    break;
            }

            // Advance the odometer over the outer dimensions, carrying as a clock does.
            for (int d = last - 1; d >= 0; d--)
            {
                aOffset += aStrides[d];
                bOffset += bStrides[d];
                if (++index[d] < sizes[d])
                {
                    break;
                }

                aOffset -= aStrides[d] * sizes[d];
                bOffset -= bStrides[d] * sizes[d];
                index[d] = 0;
            }
        }
    }
}
