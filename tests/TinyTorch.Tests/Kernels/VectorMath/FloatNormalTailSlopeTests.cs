using MathNet.Numerics;
using TinyTorch.Kernels.VectorMath;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels.VectorMath;

public class FloatNormalTailSlopeTests
{
    private static float Slope(float x) => FloatNormalTail.UpperTailSlope<float, FloatScalarLanes>(x);

    // Q(a) − a·φ(a) in double, Q from MathNet's erfc (independent of the library's reference).
    private static double Truth(float x)
    {
        double a = Math.Abs((double)x);
        return (0.5 * SpecialFunctions.Erfc(a / Math.Sqrt(2))) - (a * Math.Exp(-0.5 * a * a) / Math.Sqrt(2 * Math.PI));
    }

    private static IEnumerable<float> Spread(float from, float to, int count, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            yield return (float)(from + (random.NextDouble() * (to - from)));
        }
    }

    private static IEnumerable<float> EveryFloat(float from, float to)
    {
        for (float a = from; a <= to; a = MathF.BitIncrement(a))
        {
            yield return a;
        }
    }

    [Fact]
    public void AbsoluteErrorIsBelowHalfAFloatStepOfOneEverywhere()
    {
        // Measured over every float in [0, 14.6]: 0.34·2^-24, at a = 0.2627. Around the root (a = 0.7518, where the slope crosses 0), every float.
        foreach (float a in Spread(0f, 14.6f, 200_000, 23).Concat(EveryFloat(0.745f, 0.76f)))
        {
            double error = Math.Abs(Slope(a) - Truth(a));
            Assert.True(error <= Math.ScaleB(1.0, -25), $"a = {a:R}: {Slope(a):R} vs {Truth(a):R}");
        }
    }

    [Fact]
    public void AwayFromTheRootTheSlopeIsWithinOneUlp()
    {
        // NOTE: at a = 10 a rounded −a²/2 would cost 2^-19 relative (32 ULP); the pair argument keeps it at ≤ 0.74.
        // Measured over every float: 0.99 ULP on [0, 0.5], 0.96 on [1, 1.5], ≤ 0.80 above.
        foreach (float a in Spread(0f, 0.5f, 50_000, 29).Concat(Spread(1f, 13.2f, 200_000, 31)))
        {
            Assert.True(Ulp.Error(Slope(a), Truth(a)) <= 1.0, $"a = {a:R}: {Slope(a):R} vs {Truth(a):R}");
        }
    }

    [Fact]
    public void TheTailKeepsItsPrecisionDownToUnderflow()
    {
        // The slope crosses 2^-126 at a ≈ 13.34 (a single scale 2^k, as for a·Q(a), would stop at 13.25); below, the
        // subnormal spacing counts.
        int normal = 0;
        foreach (float a in EveryFloat(13.2f, 13.5f))
        {
            Assert.True(Ulp.Error(Slope(-a), Truth(a)) <= 1.0, $"a = {a:R}: {Slope(-a):R} vs {Truth(a):R}");
            normal += Math.Abs(Truth(a)) >= Ulp.MinNormal ? 1 : 0;
        }

        Assert.True(normal > 100_000, $"only {normal} normal results checked");
    }

    // On through the subnormals to the clamp at 14.55 (the slope is below 2^-150 from about 14.3): in subnormal spacing,
    // the pair rounded to float and then, by the last 2^-26, once more on the subnormal grid: ½ + ¼ + the slope's error.
    [Fact]
    public void TheSubnormalTailIsWithinOneSubnormalUlp()
    {
        foreach (float a in EveryFloat(13.5f, 14.6f).Where((_, i) => i % 4 == 0))
        {
            Assert.True(Ulp.Error(Slope(-a), Truth(a)) <= 1.0, $"a = {a:R}: {Slope(-a):R} vs {Truth(a):R}");
        }
    }

    [Theory]
    [InlineData(14.55f)]
    [InlineData(-20f)]
    [InlineData(1e30f)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void FromTheClampOnTheSlopeIsZero(float x) => Assert.Equal(0f, Slope(x));

    [Fact]
    public void OnlyTheMagnitudeCountsAndNaNStaysNaN()
    {
        Assert.Equal(0.5f, Slope(0f));
        Assert.Equal(0.5f, Slope(-0f));
        Assert.True(float.IsNaN(Slope(float.NaN)));
        foreach (float a in Spread(0f, 14.6f, 20_000, 37))
        {
            Assert.Equal(BitConverter.SingleToUInt32Bits(Slope(a)), BitConverter.SingleToUInt32Bits(Slope(-a)));
        }
    }
}
