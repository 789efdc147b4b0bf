using System.Runtime.Intrinsics;
using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.VectorMath;
using TinyTorch.Tests.Kernels.Operators;

namespace TinyTorch.Tests.Kernels.VectorMath;

public class FloatExpM1Tests
{
    private static double ExpM1(float t, float tLo = 0f, bool hasLow = false)
    {
        float hi = FloatExpM1.ExpM1<float, FloatScalarLanes>(t, tLo, hasLow, out float lo);
        return (double)hi + lo;
    }

    // The point of the pair: hi + lo keeps e^t − 1 to 2^-26 relative at every size, 2^-28 near 0 where it cancels.
    [Fact]
    public void PairIsWithin2ToTheMinus26Relative_AndTheSmallRangeWithin2ToTheMinus28()
    {
        var random = new Random(31);
        for (int i = 0; i < 400_000; i++)
        {
            float t = -(float)Math.ScaleB(1.0 + random.NextDouble(), -random.Next(-5, 40));
            double truth = NearOne.ExpM1(t);
            double bound = Math.ScaleB(Math.Abs(truth), Math.Abs(t) < 0.0216 ? -28 : -26);
            Assert.True(Math.Abs(ExpM1(t) - truth) <= bound, $"t = {t:R}: {ExpM1(t):R} vs {truth:R}");
        }
    }

    // e^t − 1 for a pair argument t + tLo (CELU's x/alpha), with tLo as large as half an ulp of t.
    [Fact]
    public void PairArgument_KeepsTheLowHalf()
    {
        var random = new Random(37);
        for (int i = 0; i < 200_000; i++)
        {
            float t = -(float)Math.ScaleB(1.0 + random.NextDouble(), -random.Next(-4, 30));
            float tLo = (float)((random.NextDouble() - 0.5) * Math.ScaleB(1.0, Math.ILogB(t) - 23));
            double truth = NearOne.ExpM1((double)t + tLo);
            double bound = Math.ScaleB(Math.Abs(truth), Math.Abs(t) < 0.0216 ? -28 : -26);
            Assert.True(Math.Abs(ExpM1(t, tLo, true) - truth) <= bound, $"t = {t:R} + {tLo:R}");
        }
    }

    [Theory]
    [InlineData(-17.5f)]
    [InlineData(-32f)]
    [InlineData(-1000f)]
    [InlineData(float.NegativeInfinity)]
    public void FarBelowZero_RoundsToMinusOne(float t) => Assert.Equal(-1f, (float)ExpM1(t));

    [Fact]
    public void Zeros_AndNaN()
    {
        Assert.Equal(0.0, ExpM1(0f));
        Assert.Equal(0.0, ExpM1(-0f));
        Assert.True(double.IsNaN(ExpM1(float.NaN)));
    }

    [Fact]
    public void VectorLanesGiveTheScalarBits()
    {
        var random = new Random(41);
        float[] t = [.. Enumerable.Range(0, 4096).Select(i => -(float)Math.ScaleB(1.0 + random.NextDouble(), -random.Next(-6, 40)))];
        t[0] = 0f;
        t[1] = -0f;
        t[2] = float.NaN;
        t[3] = float.NegativeInfinity;
        for (int i = 0; i < t.Length; i += 16)
        {
            Vector512<float> hi512 = FloatExpM1.ExpM1<Vector512<float>, FloatLanes512>(Vector512.Create(t.AsSpan(i)), default, false, out var lo512);
            Vector256<float> hi256 = FloatExpM1.ExpM1<Vector256<float>, FloatLanes256>(Vector256.Create(t.AsSpan(i)), default, false, out var lo256);
            Vector128<float> hi128 = FloatExpM1.ExpM1<Vector128<float>, FloatLanes128>(Vector128.Create(t.AsSpan(i)), default, false, out var lo128);
            for (int j = 0; j < 16; j++)
            {
                float hi = FloatExpM1.ExpM1<float, FloatScalarLanes>(t[i + j], 0f, false, out float lo);
                Assert.True(OperatorChecks.SameBits(hi, hi512[j]) && OperatorChecks.SameBits(lo, lo512[j]), $"512 at t = {t[i + j]:R}");
                if (j < 8)
                {
                    Assert.True(OperatorChecks.SameBits(hi, hi256[j]) && OperatorChecks.SameBits(lo, lo256[j]), $"256 at t = {t[i + j]:R}");
                }

                if (j < 4)
                {
                    Assert.True(OperatorChecks.SameBits(hi, hi128[j]) && OperatorChecks.SameBits(lo, lo128[j]), $"128 at t = {t[i + j]:R}");
                }
            }
        }
    }
}
