namespace Tito.Stability;

/// <summary>
/// Whether an output is acceptable for an expected value: NaN exactly where NaN is expected, infinities exactly,
/// finite values within 1e−6 relative (a loose bound: this checks stability, `check accuracy` checks ULPs),
/// and anything within 2^-126 of an expected value in the underflow tail.
/// </summary>
internal static class StabilityRule
{
    private const double MinNormal = 1.1754943508222875e-38;

    public static bool Accepts(float actual, double expected)
    {
        if (double.IsNaN(expected) || float.IsNaN(actual))
        {
            return double.IsNaN(expected) && float.IsNaN(actual);
        }

        if (double.IsInfinity(expected) || float.IsInfinity(actual))
        {
            return actual == (float)expected;
        }

        return Math.Abs(actual - expected) <= Math.Max(1e-6 * Math.Abs(expected), MinNormal);
    }
}
