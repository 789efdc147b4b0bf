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
    public void UnderflowTail_IsJudgedAbsolutelyAgainstTwoToMinus126()
    {
        Assert.Equal(0, UlpMeter.Error(0f, -5.9e-39));                                // within 2^-126 of the truth
        Assert.True(UlpMeter.Error(1e-37f, 1e-39) > 1000);                          // farther: counted, and huge
    }
}
