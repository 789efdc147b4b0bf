using Tito.Accuracy;

namespace Tito.Tests.Accuracy;

public class UlpMeterTests
{
    [Fact]
    public void OneFloatStep_IsOneUlp() => Assert.Equal(1.0, UlpMeter.Error(MathF.BitIncrement(1f), 1.0), 12);

    [Fact]
    public void HalfwayBetweenFloats_IsHalfAnUlp() => Assert.Equal(0.5, UlpMeter.Error(1f, 1.0 + Math.ScaleB(1.0, -24)), 12);

    [Fact]
    public void NaNAgainstANumber_IsInfinitelyWrong() => Assert.Equal(double.PositiveInfinity, UlpMeter.Error(float.NaN, 0.5));

    [Fact]
    public void MatchingNaNsAndInfinities_AreExact()
    {
        Assert.Equal(0, UlpMeter.Error(float.NaN, double.NaN));
        Assert.Equal(0, UlpMeter.Error(float.PositiveInfinity, double.PositiveInfinity));
    }

    [Fact]
    public void BelowTwoToMinus126_ErrorsCountInSubnormalSpacing()
    {
        double tiny = Math.ScaleB(1.0, -149);
        Assert.Equal(0.5, UlpMeter.Error(0f, tiny / 2), 12);                             // halfway to the smallest subnormal
        Assert.Equal(1.5, UlpMeter.Error(float.Epsilon, 2.5 * tiny), 12);                // 1 vs 2.5 subnormal steps
        Assert.True(UlpMeter.Error(0f, -5.9e-39) > 4e6);                                 // a flushed subnormal (4.2 million steps): no allowance
        float largest = BitConverter.Int32BitsToSingle(0x007F_FFFF);                             // the largest subnormal
        Assert.Equal(0.25, UlpMeter.Error(largest, largest + (tiny / 4)), 12);
    }
}
