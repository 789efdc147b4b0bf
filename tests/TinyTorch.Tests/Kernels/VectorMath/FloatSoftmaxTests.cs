using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Tests.Kernels.VectorMath;

public class FloatSoftmaxTests
{
    private static float Exponential(float x, float max, out float residual)
    {
        float e = FloatSoftmax.Exponential<float, FloatScalarLanes>(x, -max, out float scale, out float lo);
        residual = scale * lo;
        return e;
    }

    // The pair e' + residual is e^(x − m) to 2^-26 relative: only possible with x − m formed exactly (in float alone it
    // would be off by |x − m|·2^-24, 100 times more at a spread of 200), and e' is the pair rounded (|residual| ≤ ½ ULP).
    [Fact]
    public void ExponentialPairIsWithin2ToTheMinus26OfTheExactValue()
    {
        var random = new Random(3);
        int inexact = 0;
        for (int i = 0; i < 300_000; i++)
        {
            float max = (float)((random.NextDouble() * 2e4) - 1e4) * (i % 3 == 0 ? 1e-3f : 1f);
            float x = max - (float)(random.NextDouble() * 80);   // e ≥ 2^-115: its residual is still far above 2^-149
            float e = Exponential(x, max, out float residual);
            double truth = Math.Exp((double)x - max);
            Assert.True(Math.Abs(e + (double)residual - truth) <= Math.ScaleB(truth, -26), $"x = {x:R}, m = {max:R}: {e:R} + {residual:R} vs {truth:R}");
            Assert.True(Math.Abs(residual) <= Math.ScaleB(1.0, Math.ILogB(e) - 24), $"x = {x:R}, m = {max:R}: residual {residual:R} past half an ULP of {e:R}");
            inexact += x - max != (double)x - max ? 1 : 0;
        }

        Assert.True(inexact > 50_000, $"only {inexact} differences were inexact in float");
    }

    [Fact]
    public void ExponentialEdges()
    {
        float big = float.MaxValue;
        Assert.Equal(1f, Exponential(5f, 5f, out float r1));
        Assert.Equal(0f, r1);
        foreach ((float x, float max) in new[] { (float.NegativeInfinity, 3f), (-big, big), (-200f, 0f), (-88f, 0f) })
        {
            Assert.Equal(0u, BitConverter.SingleToUInt32Bits(Exponential(x, max, out float residual)));
            Assert.Equal(0f, residual);   // ±0, never NaN
        }

        Assert.True(float.IsNaN(Exponential(float.NaN, 1f, out _)));
    }

    // TwoSum's error and the residuals gathered in the carry keep the float pair within F²·2^-48 of the exact sum of
    // F terms; the float sum alone drifts by ~F·2^-25.
    [Fact]
    public void AccumulatedPairTracksTheExactSum()
    {
        var random = new Random(8);
        for (int trial = 0; trial < 20; trial++)
        {
            float sum = 0, carry = 0;
            double exact = 0;
            for (int j = 0; j < FloatSoftmax.FoldTerms; j++)
            {
                float x = -(float)(random.NextDouble() * (trial % 2 == 0 ? 3 : 30));
                float e = FloatSoftmax.Exponential<float, FloatScalarLanes>(x, 0f, out float scale, out float lo);
                FloatSoftmax.Accumulate<float, FloatScalarLanes>(ref sum, ref carry, e, scale, lo);
                exact += e + ((double)scale * lo);
            }

            double error = Math.Abs(sum + (double)carry - exact);
            Assert.True(error <= Math.ScaleB(exact, -30), $"trial {trial}: pair off by {error / exact:E2} relative");
            Assert.True(Math.Abs(sum - exact) > 4 * error, $"trial {trial}: the carry did not matter");
        }
    }

    // One rounding from the pair: within ½ ULP (plus 2^-46 relative) of e'/S, where multiplying by the rounded reciprocal
    // rounds twice and misses the nearest float often.
    [Fact]
    public void QuotientIsRoundedOnceFromThePairDivisor()
    {
        var random = new Random(21);
        int reciprocalMisses = 0;
        for (int i = 0; i < 200_000; i++)
        {
            float e = (float)random.NextDouble();
            double sum = 1 + (random.NextDouble() * Math.ScaleB(1.0, random.Next(17)));
            (float reciprocal, float negHi, float negLo) = FloatSoftmax.Divisor(sum);
            float q = FloatSoftmax.Quotient<float, FloatScalarLanes>(e, reciprocal, negHi, negLo);
            double truth = e / sum;
            double ulp = Math.ScaleB(1.0, Math.ILogB(truth) - 23);
            Assert.True(Math.Abs(q - truth) <= (0.5 * ulp) + Math.ScaleB(truth, -45), $"{e:R} / {sum:R}: {q:R} vs {truth:R}");
            reciprocalMisses += e * reciprocal != (float)truth ? 1 : 0;
        }

        Assert.True(reciprocalMisses > 10_000, $"only {reciprocalMisses} reciprocal products missed");
    }

    [Fact]
    public void VectorLanesGiveTheScalarBits()
    {
        var random = new Random(4);
        float[] x = [.. Enumerable.Range(0, 16).Select(i => i == 3 ? float.NegativeInfinity : (float)((random.NextDouble() * 200) - 100))];
        float[] s0 = [.. Enumerable.Range(0, 16).Select(i => (float)(random.NextDouble() * 40))];
        const float Max = 100.5f;
        (float reciprocal, float negHi, float negLo) = FloatSoftmax.Divisor(12345.678901);

        Vector512<float> e512 = FloatSoftmax.Exponential<Vector512<float>, FloatLanes512>(Vector512.Create(x), Vector512.Create(-Max), out var scale512, out var lo512);
        Vector512<float> sum512 = Vector512.Create(s0), carry512 = Vector512.Create(1e-7f);
        FloatSoftmax.Accumulate<Vector512<float>, FloatLanes512>(ref sum512, ref carry512, e512, scale512, lo512);
        Vector512<float> q512 = FloatSoftmax.Quotient<Vector512<float>, FloatLanes512>(e512, Vector512.Create(reciprocal), Vector512.Create(negHi), Vector512.Create(negLo));

        for (int half = 0; half < 2; half++)
        {
            Vector256<float> e256 = FloatSoftmax.Exponential<Vector256<float>, FloatLanes256>(Vector256.Create(x.AsSpan(8 * half, 8)), Vector256.Create(-Max), out _, out _);
            Vector128<float> e128 = FloatSoftmax.Exponential<Vector128<float>, FloatLanes128>(Vector128.Create(x.AsSpan(8 * half, 4)), Vector128.Create(-Max), out _, out _);
            for (int j = 0; j < 8; j++)
            {
                Assert.Equal(e512[(8 * half) + j], e256[j]);
                if (j < 4)
                {
                    Assert.Equal(e512[(8 * half) + j], e128[j]);
                }
            }
        }

        for (int i = 0; i < 16; i++)
        {
            float e = FloatSoftmax.Exponential<float, FloatScalarLanes>(x[i], -Max, out float scale, out float lo);
            float sum = s0[i], carry = 1e-7f;
            FloatSoftmax.Accumulate<float, FloatScalarLanes>(ref sum, ref carry, e, scale, lo);
            float q = FloatSoftmax.Quotient<float, FloatScalarLanes>(e, reciprocal, negHi, negLo);
            Assert.Equal((e, scale * lo, sum, carry, q), (e512[i], scale512[i] * lo512[i], sum512[i], carry512[i], q512[i]));
        }
    }
}
