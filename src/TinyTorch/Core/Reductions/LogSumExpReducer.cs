namespace TinyTorch.Core;

/// <summary>
/// ln Σ e^x in one pass over memory, with the running maximum rescaling the sum when it grows (an online
/// log-sum-exp); see <see cref="LogSumExpAccumulator"/> and <see cref="Tensor.LogSumExp"/>.
/// </summary>
internal readonly struct LogSumExpReducer : IReducer<LogSumExpAccumulator>
{
    /// <inheritdoc/>
    public static LogSumExpAccumulator Identity => LogSumExpAccumulator.Empty;

    /// <inheritdoc/>
    public static LogSumExpAccumulator Fold(LogSumExpAccumulator accumulator, ReadOnlySpan<float> run)
    {
        foreach (float x in run)
        {
            accumulator = accumulator.Add(x);
        }

        return accumulator;
    }

    /// <inheritdoc/>
    public static void Combine(Span<LogSumExpAccumulator> accumulators, ReadOnlySpan<float> row)
    {
        for (int i = 0; i < row.Length; i++)
        {
            accumulators[i] = accumulators[i].Add(row[i]);
        }
    }
}
