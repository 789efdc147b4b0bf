namespace TinyTorch.Core;

/// <summary>Shape arithmetic shared by the tensor and the activations: sizes, formatting, dims.</summary>
internal static class ShapeUtil
{
    /// <summary>The product of <paramref name="shape"/>, after checking that no dimension is negative
    /// and that the product fits in an <see cref="int"/> (the largest .NET array).</summary>
    public static int CheckedSize(ReadOnlySpan<int> shape, string paramName)
    {
        long size = 1;
        foreach (int n in shape)
        {
            if (n < 0)
            {
                throw new ArgumentException($"Dimensions must be non-negative, but shape {Format(shape)} has {n}.", paramName);
            }

            size *= n;
            if (size > Array.MaxLength)
            {
                throw new ArgumentException($"Shape {Format(shape)} has more elements than one array can hold.", paramName);
            }
        }

        return (int)size;
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
    public static (int Outer, int Length, int Inner) SplitAt(ReadOnlySpan<int> shape, int dim)
    {
        if (shape.Length == 0)
        {
            return (1, 1, 1);
        }

        int outer = 1, inner = 1;
        for (int d = 0; d < dim; d++)
        {
            outer *= shape[d];
        }

        for (int d = dim + 1; d < shape.Length; d++)
        {
            inner *= shape[d];
        }

        return (outer, shape[dim], inner);
    }
}
