using System.Runtime.Intrinsics;
using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.VectorMath;
using TinyTorch.Tests.Kernels.Operators;

namespace TinyTorch.Tests.Kernels.VectorMath;

public class FloatLog1pTests
{
    private static double Log1p(float w, float wLo = 0f)
    {
        float hi = FloatLog1p.Log1p<float, FloatScalarLanes>(w, wLo, out float lo);
        return (double)hi + lo;
    }

    // The point of the pair: hi + lo is ln(1 + w) to 2^-26.25 relative over [0, 1] (the bound FloatLog1p proves), far
    // closer than any float result.
    [Fact]
    public void PairIsWithin2ToTheMinus26Point25Relative()
    {
        var random = new Random(43);
        for (int i = 0; i < 400_000; i++)
        {
            float w = (float)Math.ScaleB(1.0 + random.NextDouble(), -random.Next(1, 60));
            float wLo = (float)((random.NextDouble() - 0.5) * Math.ScaleB(w, -23));
            double truth = NearOne.Log1P((double)w + wLo);
            Assert.True(Math.Abs(Log1p(w, wLo) - truth) <= truth * Math.Pow(2, -26.25), $"w = {w:R} + {wLo:R}: {Log1p(w, wLo):R} vs {truth:R}");
        }
    }

    [Theory]
    [InlineData(0.015625f)]
    [InlineData(0.0156249991f)]
    [InlineData(0.414213538f)]
    [InlineData(0.414213568f)]
    [InlineData(1f)]
    public void AtTheSeams_BothSidesAreAccurate(float w)
    {
        double truth = NearOne.Log1P(w);
        Assert.True(Math.Abs(Log1p(w) - truth) <= truth * Math.Pow(2, -26.25), $"w = {w:R}");
    }

    [Fact]
    public void Zero_AndNaN()
    {
        Assert.Equal(0.0, Log1p(0f));
        Assert.True(double.IsNaN(Log1p(float.NaN)));
    }

    [Fact]
    public void VectorLanesGiveTheScalarBits()
    {
        var random = new Random(47);
        float[] w = [.. Enumerable.Range(0, 4096).Select(i => (float)Math.ScaleB(1.0 + random.NextDouble(), -random.Next(1, 40)))];
        w[0] = 0f;
        w[1] = 1f;
        w[2] = float.NaN;
        w[3] = 0.015625f;
        for (int i = 0; i < w.Length; i += 16)
        {
            Vector512<float> hi512 = FloatLog1p.Log1p<Vector512<float>, FloatLanes512>(Vector512.Create(w.AsSpan(i)), default, out var lo512);
            Vector256<float> hi256 = FloatLog1p.Log1p<Vector256<float>, FloatLanes256>(Vector256.Create(w.AsSpan(i)), default, out var lo256);
            Vector128<float> hi128 = FloatLog1p.Log1p<Vector128<float>, FloatLanes128>(Vector128.Create(w.AsSpan(i)), default, out var lo128);
            for (int j = 0; j < 16; j++)
            {
                float hi = FloatLog1p.Log1p<float, FloatScalarLanes>(w[i + j], 0f, out float lo);
                Assert.True(OperatorChecks.SameBits(hi, hi512[j]) && OperatorChecks.SameBits(lo, lo512[j]), $"512 at w = {w[i + j]:R}");
                if (j < 8)
                {
                    Assert.True(OperatorChecks.SameBits(hi, hi256[j]) && OperatorChecks.SameBits(lo, lo256[j]), $"256 at w = {w[i + j]:R}");
                }

                if (j < 4)
                {
                    Assert.True(OperatorChecks.SameBits(hi, hi128[j]) && OperatorChecks.SameBits(lo, lo128[j]), $"128 at w = {w[i + j]:R}");
                }
            }
        }
    }
}
