using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Tests.Kernels.VectorMath;

public class FloatExpTests
{
    private static float Exp(float t, out float scale, out float lo) =>
        FloatExp.ExpNonPositive<float, FloatScalarLanes>(t, out scale, out lo);

    // The whole point of the pair: 2^k·(hi + lo) is far closer to e^t than any float (2^-24), here 2^-26.
    [Fact]
    public void PairIsWithin2ToTheMinus26RelativeAcrossTheRange()
    {
        var random = new Random(11);
        for (int i = 0; i < 200_000; i++)
        {
            float t = -(float)(random.NextDouble() * 87.0);
            float hi = Exp(t, out float scale, out float lo);
            double value = (double)scale * ((double)hi + lo);
            double truth = Math.Exp(t);
            Assert.True(Math.Abs(value - truth) <= Math.ScaleB(truth, -26), $"t = {t:R}: {value:R} vs {truth:R}");
        }
    }

    [Fact]
    public void PairIsNormalisedAndHiIsInItsRange()
    {
        for (float t = 0f; t > -87f; t -= 0.0137f)
        {
            float hi = Exp(t, out _, out float lo);
            Assert.InRange(hi, 0.7f, 1.42f);
            Assert.True(Math.Abs(lo) <= Math.ScaleB(hi, -24), $"t = {t:R}: hi {hi:R}, lo {lo:R}");
        }
    }

    [Theory]
    [InlineData(-88.0f)]
    [InlineData(-1000f)]
    [InlineData(float.NegativeInfinity)]
    public void BelowTheClampTheScaleIsZero(float t)
    {
        Exp(t, out float scale, out _);
        Assert.Equal(0f, scale);
    }

    [Fact]
    public void ZeroGivesExactlyOne()
    {
        float hi = Exp(0f, out float scale, out float lo);
        Assert.Equal((1f, 1f, 0f), (hi, scale, lo));
    }

    [Fact]
    public void NaNStaysNaN() => Assert.True(float.IsNaN(Exp(float.NaN, out _, out _)));

    [Fact]
    public void VectorLanesGiveTheScalarBits()
    {
        float[] t = [0f, -1e-30f, -0.3466f, -0.3467f, -1f, -20.5f, -87.3f, -88f];
        Vector256<float> hi = FloatExp.ExpNonPositive<Vector256<float>, FloatLanes256>(Vector256.Create(t), out var scale, out var lo);
        for (int i = 0; i < t.Length; i++)
        {
            float h = Exp(t[i], out float s, out float l);
            Assert.Equal((h, s, l), (hi[i], scale[i], lo[i]));
        }
    }

    // The pair-argument form: t + tLo with a low part as an FMA leaves it, down to t = −110 (k = −159, which the caller
    // scales in two steps), against e^(t + tLo) in double.
    [Fact]
    public void PairArgumentIsWithin2ToTheMinus26RelativeDownTo110()
    {
        var random = new Random(12);
        for (int i = 0; i < 200_000; i++)
        {
            float t = -(float)(random.NextDouble() * 110.0);
            float tLo = (float)((random.NextDouble() - 0.5) * Math.ScaleB(Math.Abs(t), -23));
            float hi = FloatExp.ExpNonPositive<float, FloatScalarLanes>(t, tLo, true, -110f, out float kd, out float lo);
            double k = (double)kd - FloatExp.RoundingMagic;
            double value = Math.ScaleB((double)hi + lo, (int)k);
            double truth = Math.Exp((double)t + tLo);
            Assert.True(Math.Abs(value - truth) <= Math.ScaleB(truth, -26), $"t = {t:R}, tLo = {tLo:R}: {value:R} vs {truth:R}");
        }
    }
}
