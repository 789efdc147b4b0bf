namespace TinyTorch.Core;

/// <summary>Shape arithmetic shared by the tensor and the activations: sizes, formatting, dims.</summary>
internal static class ShapeUtil
{
    /// <summary>The product of <paramref name="shape"/>, after checking that no dimension is negative
    /// and that the product fits in an <see cref="int"/> (the largest .NET array).</summary>
    /// <remarks>
    /// NOTE: a 0 anywhere makes the size 0, whatever the other dims: (65536, 65536, 0) is as valid as
    /// (0, 65536, 65536), as in PyTorch (torch.empty(65536, 65536, 0) works). Multiplying left to right and
    /// checking as it went rejected the first order, whose running product passed 2^31 before it reached the 0.
    /// </remarks>
    public static int CheckedSize(ReadOnlySpan<int> shape, string paramName)
    {
        foreach (int n in shape)
        {
            if (n < 0)
            {
                throw new ArgumentException($"Dimensions must be non-negative, but shape {Format(shape)} has {n}.", paramName);
            }
        }

        long size = Product(shape);
        if (size > Array.MaxLength)
        {
            throw new ArgumentException(
                $"Shape {Format(shape)} has more elements than one array can hold ({Array.MaxLength}).", paramName);
        }

        return (int)size;
    }

    /// <summary>
    /// The product of non-negative dims: 0 if any is 0, otherwise the product, saturated at
    /// <see cref="long.MaxValue"/> so that no shape can overflow into a small number.
    /// </summary>
    public static long Product(ReadOnlySpan<int> shape)
    {
        if (shape.Contains(0))
        {
            return 0;
        }

        long product = 1;
        foreach (int n in shape)
        {
            product = product > long.MaxValue / Math.Max(n, 1) ? long.MaxValue : product * n;
        }

        return product;
    }

    /// <summary>NumPy's notation: <c>(2, 3)</c>, <c>(5,)</c>, <c>()</c>.</summary>
    public static string Format(ReadOnlySpan<int> shape) => shape.Length switch
    {
        0 => "()",
        1 => $"({shape[0]},)",
        _ => $"({string.Join(", ", shape.ToArray())})",
    };

    /// <summary>
    /// Turns a possibly negative <paramref name="dim"/> into an index in [0, rank), with PyTorch's message
    /// when it is out of range. A 0-d tensor accepts dims −1 and 0, as PyTorch does.
    /// </summary>
    public static int NormalizeDim(int dim, int rank, string paramName = "dim")
    {
        int effectiveRank = Math.Max(rank, 1);
        if (dim < -effectiveRank || dim >= effectiveRank)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                dim,
                $"Dimension out of range (expected to be in range of [{-effectiveRank}, {effectiveRank - 1}], but got {dim})");
        }

        return dim < 0 ? dim + effectiveRank : dim;
    }

    /// <summary>
    /// Splits <paramref name="shape"/> around <paramref name="dim"/> into the three numbers a strided
    /// reduction needs: how many independent blocks precede it, its own length, and the stride between
    /// its consecutive elements (the product of the dims after it).
    /// </summary>
    /// <remarks>
    /// NOTE: only an empty tensor can have dims whose partial product passes int.MaxValue, e.g. the 2^32 before
    /// the 0 of (65536, 65536, 0); multiplied in int it wrapped (to 0, or to a negative stride for (0, 65536, 32768),
    /// which a kernel rejects). Such a product is returned as 0: outer · length · inner is still the size, 0, and
    /// no loop runs over an empty tensor.
    /// </remarks>
    public static (int Outer, int Length, int Inner) SplitAt(ReadOnlySpan<int> shape, int dim)
    {
        if (shape.Length == 0)
        {
            return (1, 1, 1);
        }

        return (FitOrZero(Product(shape[..dim])), shape[dim], FitOrZero(Product(shape[(dim + 1)..])));
    }

    private static int FitOrZero(long product) => product <= int.MaxValue ? (int)product : 0;
}
