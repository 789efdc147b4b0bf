namespace Tito.Accuracy;

/// <summary>
/// Runs kernels over float32 bit patterns 0, s, 2s, … (s = stride; s = 1 is all 2^32 of them, NaNs and
/// infinities included) in blocks spread over the cores, and keeps the worst ULP error of each.
/// </summary>
internal static class AccuracyScan
{
    private const int BlockSize = 1 << 16;   // below the kernels' own threading threshold: one thread per block

    /// <summary>Scans every target; <paramref name="blockDone"/> is called (from any thread) after each block with its fraction of the work.</summary>
    public static IReadOnlyList<AccuracyResult> Run(IReadOnlyList<AccuracyTarget> targets, uint stride, Action<double> blockDone)
    {
        long count = (((1L << 32) - 1) / stride) + 1;
        long blocks = (count + BlockSize - 1) / BlockSize;
        var worst = targets.Select(t => new AccuracyResult(t, 0, 0, 0, count)).ToArray();
        long[] worstAt = [.. targets.Select(_ => long.MaxValue)];
        var gate = new object();

        Parallel.For(0L, blocks, () => (X: new float[BlockSize], Y: new float[BlockSize]), (block, _, buffers) =>
        {
            long first = block * BlockSize;
            int n = (int)Math.Min(BlockSize, count - first);
            for (int i = 0; i < n; i++)
            {
                buffers.X[i] = BitConverter.UInt32BitsToSingle((uint)((first + i) * stride));
            }

            ReadOnlySpan<float> x = buffers.X.AsSpan(0, n);
            Span<float> y = buffers.Y.AsSpan(0, n);
            for (int t = 0; t < targets.Count; t++)
            {
                targets[t].Kernel(x, y);
                (double max, int at) = (0, 0);
                for (int i = 0; i < n; i++)
                {
                    double e = UlpMeter.Error(y[i], targets[t].Reference(x[i]));
                    if (e > max)
                    {
                        (max, at) = (e, i);
                    }
                }

                // NOTE: blocks finish in any order; on a tie the earliest bit pattern wins, so the reported worst input
                // is the same in every run.
                if (max > 0 && max >= worst[t].MaxUlps)
                {
                    lock (gate)
                    {
                        if (max > worst[t].MaxUlps || (max == worst[t].MaxUlps && first + at < worstAt[t]))
                        {
                            worst[t] = worst[t] with { MaxUlps = max, WorstInput = x[at], WorstOutput = y[at] };
                            worstAt[t] = first + at;
                        }
                    }
                }
            }

            blockDone((double)n / count);
            return buffers;
        }, _ => { });

        return worst;
    }
}
