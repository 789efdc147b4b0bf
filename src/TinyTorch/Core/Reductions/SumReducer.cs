namespace TinyTorch.Core;

/// <summary>
/// Summation with a double accumulator.
/// </summary>
/// <remarks>
/// Why double: a float32 running sum keeps 24 significant bits, so once it reaches 2^24 = 16,777,216 adding
/// 1 changes nothing — summing 20 million ones in float gives 16,777,216 — and in general the error grows
/// with n. Recursive summation's worst-case error is about n·u·Σ|x| (Higham, <i>Accuracy and Stability of
/// Numerical Algorithms</i>, §4.2); with double's u = 2^-53 that stays below float32's own rounding
/// (2^-24) for n up to 2^29, and typical errors grow only like √n. So the one rounding back to float at the
/// end is in practice the whole error. It costs nothing extra: the loop is memory-bound either way.
/// </remarks>
internal readonly struct SumReducer : IReducer<double>
{
    /// <inheritdoc/>
    public static double Identity => 0;

    /// <inheritdoc/>
    public static double Fold(double accumulator, ReadOnlySpan<float> run)
    {
        // Four independent partial sums hide the 4-cycle latency of an add; they are combined at the end.
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i <= run.Length - 4; i += 4)
        {
            s0 += run[i];
            s1 += run[i + 1];
            s2 += run[i + 2];
            s3 += run[i + 3];
        }

        for (; i < run.Length; i++)
        {
            s0 += run[i];
        }

        return accumulator + ((s0 + s1) + (s2 + s3));
    }

    /// <inheritdoc/>
    public static void Combine(Span<double> accumulators, ReadOnlySpan<float> row)
    {
        for (int i = 0; i < row.Length; i++)
        {
            accumulators[i] += row[i];
        }
    }
}
