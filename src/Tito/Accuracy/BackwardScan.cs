using TinyTorch.Catalog;

namespace Tito.Accuracy;

/// <summary>
/// The backward kernels at g = 1 over float32 bit patterns 0, s, 2s, … (s = 1: all 2^32): the slope D′(x) each returns
/// against the catalog's derivative in double, as |D′ − D|/max(|D|, 1) in units of 2^-24 — the family's backward
/// bound, 4·2^-24 of max(|dL/dx|, |g|), at |g| = 1.
/// </summary>
/// <remarks>
/// Every x is swept but g is not: for a kernel whose last step is fl(g·D′), the worst W found here bounds every g by
/// W + 1 (the product's one rounding; MishBackwardOperator's proof). ±∞ and NaN inputs are skipped: their slopes are
/// limits and PyTorch's conventions, which the tests pin one by one.
/// </remarks>
internal static class BackwardScan
{
    private const int BlockSize = 1 << 16;   // below the kernels' own threading threshold: one thread per block

    private static readonly float[] Ones = [.. Enumerable.Repeat(1f, BlockSize)];

    /// <summary>The element-wise variants with a backward kernel, named by their labels.</summary>
    public static IReadOnlyList<ActivationVariant> Variants { get; } =
        [.. ActivationCatalog.Variants.Where(v => v.IsElementwise && v.Backward is not null && v.ReferenceDerivative is not null)];

    /// <summary>The error this scan measures: |slope − truth|/max(|truth|, 1) in units of 2^-24; NaN against NaN is 0, and so
    /// is ∞ where the truth rounds to it.</summary>
    public static double Error(float slope, double truth)
    {
        if (double.IsNaN(truth) || float.IsNaN(slope))
        {
            return double.IsNaN(truth) && float.IsNaN(slope) ? 0 : double.PositiveInfinity;
        }

        // NOTE: a truth beyond float.MaxValue rounds to ∞ in float32 (SquaredReLU′ = 2x near the top); ∞ is then the right answer.
        return slope == truth || (float.IsInfinity(slope) && (float)truth == slope)
            ? 0
            : Math.Abs(slope - truth) / Math.Max(Math.Abs(truth), 1.0) * 16777216.0;
    }

    /// <summary>Scans each variant; <paramref name="blockDone"/> is called (from any thread) after each block with its fraction of the work.</summary>
    public static IReadOnlyList<(ActivationVariant Variant, double Worst, float WorstInput, long Inputs)> Run(
        IReadOnlyList<ActivationVariant> variants, uint stride, Action<double> blockDone)
    {
        long count = (((1L << 32) - 1) / stride) + 1;
        long blocks = (count + BlockSize - 1) / BlockSize;
        var worst = new (double Error, long At)[variants.Count];
        var gate = new object();
        Parallel.For(0L, blocks, () => (X: new float[BlockSize], D: new float[BlockSize]), (block, _, buffers) =>
        {
            long first = block * BlockSize;
            int n = (int)Math.Min(BlockSize, count - first);
            for (int i = 0; i < n; i++)
            {
                buffers.X[i] = BitConverter.UInt32BitsToSingle((uint)((first + i) * stride));
            }

            ReadOnlySpan<float> x = buffers.X.AsSpan(0, n);
            Span<float> d = buffers.D.AsSpan(0, n);
            for (int t = 0; t < variants.Count; t++)
            {
                ActivationVariant v = variants[t];
                if (v.Saves == SavedForBackward.Output)
                {
                    v.Forward!(x, d);
                    v.Backward!(Ones.AsSpan(0, n), d, d);
                }
                else
                {
                    v.Backward!(Ones.AsSpan(0, n), x, d);
                }

                (double max, int at) = (0, 0);
                for (int i = 0; i < n; i++)
                {
                    double e = float.IsFinite(x[i]) ? Error(d[i], v.ReferenceDerivative!(x[i])) : 0;
                    if (e > max)
                    {
                        (max, at) = (e, i);
                    }
                }

                // NOTE: blocks finish in any order; on a tie the earliest bit pattern wins, so every run reports the same input.
                if (max > 0)
                {
                    lock (gate)
                    {
                        if (max > worst[t].Error || (max == worst[t].Error && first + at < worst[t].At))
                        {
                            worst[t] = (max, first + at);
                        }
                    }
                }
            }

            blockDone((double)n / count);
            return buffers;
        }, _ => { });

        return [.. variants.Select((v, t) => (v, worst[t].Error, BitConverter.UInt32BitsToSingle((uint)(worst[t].At * stride)), count))];
    }
}
