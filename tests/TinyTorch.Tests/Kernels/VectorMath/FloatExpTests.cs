using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels.VectorMath;

public class FloatExpTests
{
    private static float Exp(float t, out float scale, out float lo) =>
        FloatExp.ExpNonPositive<float, FloatScalarLanes>(t, out scale, out lo);

    // 2^K from kd, also where 2^K is below float's normal range (the pair-argument form goes down to K = −159).
    private static double Scale(float kd) => Math.ScaleB(1.0, (int)Math.Floor(((double)kd - FloatExp.RoundingMagic) / FloatExp.MagicPerOctave));

    // The whole point of the pair: 2^K·(hi + lo) is far closer to e^t than any float (2^-24), here 2^-32.
    // The table holds what its documentation says: 2^(j/16) rounded, and the rest ln(2^(j/16)/PowerHi) rounded (to
    // within double's own error).
    [Fact]
    public void TableHoldsTheRoundedPowersAndTheirRests()
    {
        for (int j = -8; j < 8; j++)
        {
            double exact = Math.Pow(2, j / 16.0);
            float power = FloatExp.PowerHi[j + 8];
            Assert.Equal((float)exact, power);
            double rest = Math.Log(exact / power);
            float tableRest = FloatExp.PowerRest[j + 8];
            Assert.True(Math.Abs(tableRest - rest) <= (0.5 * Ulp.SizeAt(rest)) + 1e-16, $"j = {j}: rest {tableRest:R} vs {rest:R}");
        }
    }

    [Fact]
    public void PairIsWithin2ToTheMinus32RelativeAcrossTheRange()
    {
        var random = new Random(11);
        for (int i = 0; i < 400_000; i++)
        {
            float t = i % 2 == 0 ? -(float)(random.NextDouble() * 87.0) : -(float)(random.NextDouble() * 0.5);
            float hi = Exp(t, out float scale, out float lo);
            double value = (double)scale * ((double)hi + lo);
            double truth = Math.Exp(t);
            Assert.True(Math.Abs(value - truth) <= Math.ScaleB(truth, -32), $"t = {t:R}: {value:R} vs {truth:R}");
        }
    }

    // Near 0, e^t − 1 = (hi − 1) + lo keeps its relative precision (tanh relies on it from |t| = 2^-11 up): no
    // cancellation against 1, only lo's rounding, ≤ 2^-24·(|t|/2 + 2^-25/|t|) relative.
    [Fact]
    public void ExpMinusOneKeepsItsRelativePrecisionNearZero()
    {
        var random = new Random(13);
        for (int i = 0; i < 200_000; i++)
        {
            float t = -(float)Math.ScaleB(1.0 + random.NextDouble(), -random.Next(7, 12));
            float hi = Exp(t, out float scale, out float lo);
            Assert.Equal(1f, scale);
            double m = (hi - 1.0) + lo;
            double truth = ExpMinusOne(t);
            Assert.True(Math.Abs(m - truth) <= Math.ScaleB(Math.Abs(truth), -30), $"t = {t:R}: {m:R} vs {truth:R}");
        }
    }

    // e^t − 1 by its series, for |t| ≤ 2^-6 (the terms past t⁷ are below 2^-48 relative).
    private static double ExpMinusOne(double t)
    {
        double sum = 0, term = t;
        for (int n = 2; n <= 9; n++)
        {
            sum += term;
            term *= t / n;
        }

        return sum;
    }

    [Fact]
    public void HiIsInItsRangeAndLoIsSmall()
    {
        for (float t = 0f; t > -87f; t -= 0.00137f)
        {
            float hi = Exp(t, out _, out float lo);
            Assert.InRange(hi, 0.69f, 1.39f);
            Assert.True(Math.Abs(lo) <= hi * Math.Pow(2, -11.5), $"t = {t:R}: hi {hi:R}, lo {lo:R}");
        }
    }

    [Theory]
    [InlineData(-88.0f)]
    [InlineData(-87.71f)]
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

    // Every table entry (t steps by ln 2/32, half an entry) and both ends of the range, at every width.
    [Fact]
    public void VectorLanesGiveTheScalarBits()
    {
        var t = new float[64];
        for (int i = 0; i < t.Length - 4; i++)
        {
            t[i] = -i * 0.0216608f;
        }

        (t[^4], t[^3], t[^2], t[^1]) = (-1e-30f, -87.3f, -88f, float.NaN);
        for (int i = 0; i < t.Length; i += 16)
        {
            Vector512<float> hi = FloatExp.ExpNonPositive<Vector512<float>, FloatLanes512>(Vector512.Create(t.AsSpan(i)), out var scale, out var lo);
            Vector256<float> hi256 = FloatExp.ExpNonPositive<Vector256<float>, FloatLanes256>(Vector256.Create(t.AsSpan(i)), out var scale256, out var lo256);
            Vector128<float> hi128 = FloatExp.ExpNonPositive<Vector128<float>, FloatLanes128>(Vector128.Create(t.AsSpan(i)), out var scale128, out var lo128);
            for (int j = 0; j < 16; j++)
            {
                float h = Exp(t[i + j], out float s, out float l);
                Assert.Equal((h, s, l), (hi[j], scale[j], lo[j]));
                if (j < 8)
                {
                    Assert.Equal((h, s, l), (hi256[j], scale256[j], lo256[j]));
                }

                if (j < 4)
                {
                    Assert.Equal((h, s, l), (hi128[j], scale128[j], lo128[j]));
                }
            }
        }
    }

    // The pair-argument form: t + tLo with a low part as an FMA leaves it, down to t = −110 (K = −159, which the caller
    // scales in two steps), against e^(t + tLo) in double.
    [Fact]
    public void PairArgumentIsWithin2ToTheMinus32RelativeDownTo110()
    {
        var random = new Random(12);
        for (int i = 0; i < 200_000; i++)
        {
            float t = -(float)(random.NextDouble() * 110.0);
            float tLo = (float)((random.NextDouble() - 0.5) * Math.ScaleB(Math.Abs(t), -23));
            float hi = FloatExp.ExpNonPositive<float, FloatScalarLanes>(t, tLo, true, -110f, out float kd, out float lo);
            double value = Scale(kd) * ((double)hi + lo);
            double truth = Math.Exp((double)t + tLo);
            Assert.True(Math.Abs(value - truth) <= Math.ScaleB(truth, -32), $"t = {t:R}, tLo = {tLo:R}: {value:R} vs {truth:R}");
        }
    }

    [Fact]
    public void MagicForExponentIsTheFloorOfItsPowerOfTwo()
    {
        foreach (int k in new[] { -127, -126, -64, -1, 0 })
        {
            float kd = FloatExp.MagicForExponent(k);
            Assert.Equal(Math.ScaleB(1.0, k), Scale(kd));
            Assert.Equal(Math.ScaleB(1.0, k - 1), Scale(kd - 1f));
            Assert.Equal(k == -127 ? 0f : (float)Math.ScaleB(1.0, k), FloatExp.Pow2<float, FloatScalarLanes>(kd));
        }
    }
}
