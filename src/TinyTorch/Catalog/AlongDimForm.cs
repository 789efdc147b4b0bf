using TinyTorch.Core;

namespace TinyTorch.Catalog;

/// <summary>
/// What a form that works along a dim (softmax and its relatives) brings instead of element-wise kernels: its span
/// kernels over slices, its double-precision reference for one slice, and the dims and ranks it takes. The tools (tito's
/// checks, accuracy and stability scans, plots and benchmarks) drive every such form from this record alone.
/// </summary>
public sealed record AlongDimForm
{
    /// <summary>The forward over every slice of a [outer, axisLength, stride] view.</summary>
    public required SliceKernel Forward { get; init; }

    /// <summary>The backward over every slice, from what the forward saved (<see cref="ActivationVariant.Saves"/>).</summary>
    public required SliceBackwardKernel Backward { get; init; }

    /// <summary>The truth for one slice, in double, with PyTorch's edges (NaN slices): what the kernels are measured against.</summary>
    public required Func<float[], double[]> Reference { get; init; }

    /// <summary>The dim the module made by <see cref="ActivationVariant.Create"/> works along: −1, or −3 for Softmax2d's channels.</summary>
    public int Dim { get; init; } = -1;

    /// <summary>The ranks that module accepts (every rank from 1 when null); others are an <see cref="ArgumentException"/>.</summary>
    public IReadOnlyList<int>? Ranks { get; init; }

    /// <summary>A module along any dim, or null when the dim is fixed (Softmax2d).</summary>
    public Func<int, IActivation>? WithDim { get; init; }

    /// <summary>Whether each output slice is a probability distribution (sums to 1): softmax, softmin.</summary>
    public bool IsDistribution { get; init; }

    /// <summary>
    /// The shape of <paramref name="count"/> slices of <paramref name="length"/> elements laid along <see cref="Dim"/>:
    /// [count, length] for the last dim, [count, length, 1, 1] for dim −3.
    /// </summary>
    /// <param name="count">How many slices.</param>
    /// <param name="length">The length of each.</param>
    public int[] SliceShape(int count, int length)
    {
        int after = -Dim - 1;
        return [count, length, .. Enumerable.Repeat(1, after)];
    }
}
