using System.Runtime.Intrinsics;
using MathNet.Numerics;
using TinyTorch.Kernels.VectorMath;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels.VectorMath;

public class FloatNormalTailTests
{
    private static double Evaluate(float x, out float hi, out float lo, out float scale)
    {
        hi = FloatNormalTail.TimesUpperTail<float, FloatScalarLanes>(x, out lo, out scale);
        return (double)scale * ((double)hi + lo);
    }

    // a·Q(a) = a·½·erfc(a/√2) in double, from MathNet (independent of the library's reference).
    private static double Truth(float x)
    {
        double a = Math.Abs((double)x);
        return a * 0.5 * SpecialFunctions.Erfc(a / Math.Sqrt(2));
    }

    private static void AssertWithinTheBudget(float x)
    {
        double value = Evaluate(x, out _, out _, out _);
        double truth = Truth(x);
        if (truth < Ulp.MinNormal)
        {
            // Below 2^-126 the main form's scale may be 0 (from a = 13.24); the deep form, at 2^64 scale, holds it.
            float deepHi = FloatNormalTail.TimesUpperTailTwoTo64<float, FloatScalarLanes>(x, out float deepLo, out float deepScale);
            value = (double)deepScale * ((double)deepHi + deepLo) * Math.ScaleB(1.0, -64);
        }

        // The unrounded pair is the point of the helper: it must beat one float rounding (2^-24) everywhere.
        Assert.True(Math.Abs((value / truth) - 1) <= Math.ScaleB(1.0, -24), $"x = {x:R}: {value:R} vs {truth:R}");
    }

    // The forward's tables hold what their documentation says, for K = 0.953125: T = K·2^(j/16) rounded, the rest
    // ln(K·2^(j/16)/T) rounded (to within double's own error), and 1/T rounded.
    [Fact]
    public void ForwardTablesHoldTheirDefinitions()
    {
        for (int j = -8; j < 8; j++)
        {
            double exact = 0.953125 * Math.Pow(2, j / 16.0);
            float t = FloatNormalTail.ForwardNumerator[j + 8];
            Assert.Equal((float)exact, t);
            double rest = Math.Log(exact / t);
            float tableRest = FloatNormalTail.ForwardNumeratorRest[j + 8];
            Assert.True(Math.Abs(tableRest - rest) <= (0.5 * Ulp.SizeAt(rest)) + 1e-16, $"j = {j}: rest {tableRest:R} vs {rest:R}");
            Assert.Equal((float)(1.0 / t), FloatNormalTail.ForwardNumeratorInverse[j + 8]);
        }
    }

    [Fact]
    public void PairIsWithin2ToTheMinus24RelativeAcrossTheRange()
    {
        var random = new Random(13);
        for (int i = 0; i < 200_000; i++)
        {
            AssertWithinTheBudget((float)(random.NextDouble() * 13.3));
        }

        // Around a = 1.4, where the correction m is largest and the worst errors sit.
        for (float a = 1.3f; a < 1.6f; a += 3e-6f)
        {
            AssertWithinTheBudget(a);
        }
    }

    // The deep form (the exact GELU's subnormal tail) down to 14.3, where a·Q(a) falls below 2^-150: the rational fit,
    // made on [0, 13.25], extrapolated; relative precision far beyond what a subnormal result needs (2^-149 is 2^-23 of
    // a·Q(a) at 13.25 and 2^-10 at 14.2).
    [Fact]
    public void DeepFormKeepsRelativePrecisionThroughTheSubnormals()
    {
        for (float a = 13.0f; a <= 14.3f; a = MathF.BitIncrement(MathF.BitIncrement(MathF.BitIncrement(a))))
        {
            float hi = FloatNormalTail.TimesUpperTailTwoTo64<float, FloatScalarLanes>(-a, out float lo, out float scale);
            double value = (double)scale * ((double)hi + lo) * Math.ScaleB(1.0, -64);
            Assert.True(Math.Abs((value / Truth(a)) - 1) <= Math.ScaleB(1.0, -24), $"a = {a:R}: {value:R} vs {Truth(a):R}");
        }
    }

    [Fact]
    public void TailNearThirteenKeepsRelativePrecisionUntilItUnderflows()
    {
        // a·Q(a) crosses 2^-126 at a ≈ 13.2; the clamp at 13.25 must not cut off any normal result.
        int normal = 0;
        for (float a = 12.9f; a <= 13.3f; a = MathF.BitIncrement(a))
        {
            AssertWithinTheBudget(a);
            AssertWithinTheBudget(-a);
            normal += Truth(a) >= Ulp.MinNormal ? 1 : 0;
        }

        Assert.True(normal > 100_000, $"only {normal} normal results checked");
    }

    [Theory]
    [InlineData(13.25f)]
    [InlineData(14f)]
    [InlineData(-20f)]
    [InlineData(1e30f)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void FromTheClampOnTheScaleIsZero(float x)
    {
        Evaluate(x, out float hi, out float lo, out float scale);
        Assert.Equal(0f, scale);
        Assert.True(float.IsFinite(hi) && float.IsFinite(lo), $"hi {hi:R}, lo {lo:R}");
    }

    [Fact]
    public void ZerosGiveZeroAndNaNStaysNaN()
    {
        Assert.Equal(0.0, Evaluate(0f, out _, out _, out _));
        Assert.Equal(0.0, Evaluate(-0f, out _, out _, out _));
        Assert.True(double.IsNaN(Evaluate(float.NaN, out _, out _, out _)));
    }

    [Fact]
    public void OnlyTheMagnitudeCountsAndLoIsSmall()
    {
        var random = new Random(17);
        for (int i = 0; i < 20_000; i++)
        {
            float a = (float)(random.NextDouble() * 13.2);
            Evaluate(a, out float hi, out float lo, out float scale);
            Evaluate(-a, out float hiNegative, out float loNegative, out float scaleNegative);
            Assert.Equal((hi, lo, scale), (hiNegative, loNegative, scaleNegative));
            Assert.True(Math.Abs(lo) <= 0.21 * Math.Abs(hi), $"a = {a:R}: hi {hi:R}, lo {lo:R}");
        }
    }

    [Fact]
    public void VectorLanesGiveTheScalarBits()
    {
        float[] x = [0f, -0f, 1e-30f, -0.3466f, 1f, -1.4413193f, 2.5f, -6f, 8.5f, -12.9f, 13.2f, -13.24f, 13.25f, 40f, float.NaN, float.NegativeInfinity];
        Vector512<float> hi512 = FloatNormalTail.TimesUpperTail<Vector512<float>, FloatLanes512>(Vector512.Create(x), out var lo512, out var scale512);
        for (int i = 0; i < x.Length; i++)
        {
            float hi = FloatNormalTail.TimesUpperTail<float, FloatScalarLanes>(x[i], out float lo, out float scale);
            Vector256<float> hi256 = FloatNormalTail.TimesUpperTail<Vector256<float>, FloatLanes256>(Vector256.Create(x[i]), out var lo256, out var scale256);
            Vector128<float> hi128 = FloatNormalTail.TimesUpperTail<Vector128<float>, FloatLanes128>(Vector128.Create(x[i]), out var lo128, out var scale128);
            foreach ((float h, float l, float s) in new[] { (hi512[i], lo512[i], scale512[i]), (hi256[0], lo256[0], scale256[0]), (hi128[0], lo128[0], scale128[0]) })
            {
                Assert.True(
                    SameBits(h, hi) && SameBits(l, lo) && SameBits(s, scale),
                    $"x = {x[i]:R}: scalar ({hi:R}, {lo:R}, {scale:R}), vector ({h:R}, {l:R}, {s:R})");
            }
        }
    }

    private static bool SameBits(float a, float b) =>
        (float.IsNaN(a) && float.IsNaN(b)) || BitConverter.SingleToUInt32Bits(a) == BitConverter.SingleToUInt32Bits(b);
}
