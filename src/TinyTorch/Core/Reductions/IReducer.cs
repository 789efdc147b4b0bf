namespace TinyTorch.Core;

/// <summary>
/// One reduction (sum, max) as a type: its accumulator, where it starts, and the two ways the
/// <see cref="Reduction"/> engine feeds it contiguous memory.
/// </summary>
/// <typeparam name="TAccumulator">What a partial result is kept in (double for sums, float for max).</typeparam>
internal interface IReducer<TAccumulator>
    where TAccumulator : struct
{
    /// <summary>The value of the reduction over nothing (0 for a sum, −∞ for a max).</summary>
    static abstract TAccumulator Identity { get; }

    /// <summary>Folds a contiguous run of elements, all bound for the same output, into one accumulator.</summary>
    static abstract TAccumulator Fold(TAccumulator accumulator, ReadOnlySpan<float> run);

    /// <summary>Folds a contiguous row element-wise into as many accumulators, one per output.</summary>
    static abstract void Combine(Span<TAccumulator> accumulators, ReadOnlySpan<float> row);
}
