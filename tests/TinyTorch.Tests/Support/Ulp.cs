namespace TinyTorch.Tests.Support;

/// <summary>Distances between floats measured in units in the last place, against a double truth.</summary>
public static class Ulp
{
    /// <summary>The smallest positive normal float, 2^-126.</summary>
    public const double MinNormal = 1.1754943508222875e-38;

    /// <summary>
    /// The magnitude from which a true value rounds to infinity in float32: float.MaxValue plus half its ULP, 2^128 − 2^103.
    /// </summary>
    public static readonly double OverflowThreshold = Math.ScaleB(1.0, 128) - Math.ScaleB(1.0, 103);

    /// <summary>
    /// How many float32 ULPs <paramref name="actual"/> lies from the exact value <paramref name="truth"/>,
    /// measured with the ULP size at the truth (the spacing of floats in the binade that holds it).
    /// Equal infinities and both-NaN are 0; a NaN against a number, or an infinity against a finite value,
    /// is +∞. A truth beyond float's range (|truth| ≥ <see cref="OverflowThreshold"/>) is the infinity it rounds to.
    /// </summary>
    public static double Error(float actual, double truth)
    {
        // NOTE: a function that overflows float (SquaredReLU at x ≥ 1.9·10^19, SELU's scale·x near float.MaxValue) has a
        // finite truth in double, but its correctly rounded float32 value is ±∞, so that is what the result is measured against.
        if (Math.Abs(truth) >= OverflowThreshold)
        {
            truth = Math.CopySign(double.PositiveInfinity, truth);
        }

        if (double.IsNaN(truth) || float.IsNaN(actual))
        {
            return double.IsNaN(truth) && float.IsNaN(actual) ? 0 : double.PositiveInfinity;
        }

        if (double.IsInfinity(truth) || float.IsInfinity(actual))
        {
            return actual == truth ? 0 : double.PositiveInfinity;
        }

        return Math.Abs(actual - truth) / SizeAt(truth);
    }

    /// <summary>The spacing of float32 values around |t| (2^(e−23) for t in [2^e, 2^(e+1)), subnormal spacing below 2^-126).</summary>
    public static double SizeAt(double t)
    {
        double a = Math.Abs(t);
        if (a < MinNormal)
        {
            return Math.ScaleB(1.0, -149);
        }

        // Clamp to float's largest binade: a truth that rounds up to float.MaxValue's neighbourhood still has ULP 2^104.
        int e = Math.Min(Math.ILogB(a), 127);
        return Math.ScaleB(1.0, e - 23);
    }

    /// <summary>
    /// Whether <paramref name="actual"/> meets the project's forward bound: within <paramref name="maxUlps"/> ULPs of
    /// the truth, measured in subnormal spacing (2^-149) where the truth is below 2^-126 (<see cref="SizeAt"/>).
    /// </summary>
    public static bool WithinForwardBound(float actual, double truth, double maxUlps) => Error(actual, truth) <= maxUlps;

    /// <summary>Every <paramref name="stride"/>-th float32 bit pattern, finite ones only.</summary>
    public static IEnumerable<float> StridedFloats(uint stride)
    {
        for (ulong bits = 0; bits <= uint.MaxValue; bits += stride)
        {
            float f = BitConverter.UInt32BitsToSingle((uint)bits);
            if (float.IsFinite(f))
            {
                yield return f;
            }
        }
    }
}
