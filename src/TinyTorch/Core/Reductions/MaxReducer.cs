namespace TinyTorch.Core;

/// <summary>The largest element, with PyTorch's rule that any NaN makes the result NaN.</summary>
internal readonly struct MaxReducer : IReducer<float>
{
    /// <inheritdoc/>
    public static float Identity => float.NegativeInfinity;

    /// <inheritdoc/>
    public static float Fold(float accumulator, ReadOnlySpan<float> run)
    {
        foreach (float x in run)
        {
            accumulator = Max(accumulator, x);
        }

        return accumulator;
    }

    /// <inheritdoc/>
    public static void Combine(Span<float> accumulators, ReadOnlySpan<float> row)
    {
        for (int i = 0; i < row.Length; i++)
        {
            accumulators[i] = Max(accumulators[i], row[i]);
        }
    }

    // NOTE: "x > m ? x : m" alone would drop a NaN x (every comparison with NaN is false); the explicit
    // test lets a NaN in, and once m is NaN no x is greater, so it stays.
    private static float Max(float m, float x) => x > m || float.IsNaN(x) ? x : m;
}
