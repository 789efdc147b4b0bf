namespace Tito.Accuracy;

/// <summary>
/// Distance of a float32 result from a double-precision truth in units in the last place, measured with the
/// float ULP at the truth: below 2^-126, where floats are subnormal, in subnormal spacing (2^-149), so a result there
/// is held to its bound like any other (a flushed or twice-rounded subnormal shows).
/// </summary>
internal static class UlpMeter
{
    /// <summary>2^-126, the smallest normal float.</summary>
    public const double MinNormal = 1.1754943508222875e-38;

    /// <summary>
    /// ULPs between <paramref name="actual"/> and <paramref name="truth"/>: 0 for matching NaNs and infinities,
    /// +∞ for a NaN or an infinity on one side only; below 2^-126 in subnormal ULPs (2^-149).
    /// </summary>
    public static double Error(float actual, double truth)
    {
        if (double.IsNaN(truth) || float.IsNaN(actual))
        {
            return double.IsNaN(truth) && float.IsNaN(actual) ? 0 : double.PositiveInfinity;
        }

        if (double.IsInfinity(truth) || float.IsInfinity(actual))
        {
            // NOTE: a truth beyond float.MaxValue rounds to ∞ in float32; ∞ is then the right answer.
            return actual == (float)truth ? 0 : double.PositiveInfinity;
        }

        double error = Math.Abs(actual - truth);
        if (Math.Abs(truth) < MinNormal)
        {
            return error / Math.ScaleB(1.0, -149);
        }

        int e = Math.Min(Math.ILogB(Math.Abs(truth)), 127);
        return error / Math.ScaleB(1.0, e - 23);
    }
}
