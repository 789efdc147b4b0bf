using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels.VectorMath;

public class FloatSoftmaxTests
{
    private const double Unboost = 5.42101086242752217e-20;   // 2^-64: terms, residuals and sums come times 2^64

    private static double Exponential(float x, float max, out double residual)
    {
        float e = FloatSoftmax.Exponential<float, FloatScalarLanes>(x, -max, out float boosted);
        residual = boosted * Unboost;
        return e * Unboost;
    }

    // The pair e' + residual is e^(x − m) to 2^-31 relative: only possible with x − m formed exactly (in float alone it
    // would be off by |x − m|·2^-24, 100 times more at a spread of 200); the pair is not normalised (|residual| ≤
    // 2^-11.5·e'), but the residual matters (e' alone is further off than 2^-24 often).
    [Fact]
    public void ExponentialPairIsWithin2ToTheMinus31OfTheExactValue()
    {
        var random = new Random(3);
        int inexact = 0, residualMatters = 0;
        for (int i = 0; i < 300_000; i++)
        {
            float max = (float)((random.NextDouble() * 2e4) - 1e4) * (i % 3 == 0 ? 1e-3f : 1f);
            float x = max - (float)(random.NextDouble() * 87);
            double e = Exponential(x, max, out double residual);
            double truth = Math.Exp((double)x - max);
            Assert.True(Math.Abs(e + residual - truth) <= Math.ScaleB(truth, -31), $"x = {x:R}, m = {max:R}: {e:R} + {residual:R} vs {truth:R}");
            Assert.True(Math.Abs(residual) <= Math.ScaleB(e, -11), $"x = {x:R}, m = {max:R}: residual {residual:R} past 2^-11.5 of {e:R}");
            inexact += x - max != (double)x - max ? 1 : 0;
            residualMatters += Math.Abs(e - truth) > Math.ScaleB(truth, -24) ? 1 : 0;
        }

        Assert.True(inexact > 50_000, $"only {inexact} differences were inexact in float");
        Assert.True(residualMatters > 50_000, $"only {residualMatters} terms were off by more than 2^-24 without their residual");
    }

    [Fact]
    public void ExponentialEdges()
    {
        float big = float.MaxValue;
        Assert.Equal(1.0, Exponential(5f, 5f, out double r1));
        Assert.Equal(0f, r1);
        foreach ((float x, float max) in new[] { (float.NegativeInfinity, 3f), (-big, big), (-200f, 0f), (-132.5f, 0f) })
        {
            Assert.Equal(0u, BitConverter.SingleToUInt32Bits(FloatSoftmax.Exponential<float, FloatScalarLanes>(x, -max, out float residual)));
            Assert.Equal(0f, residual);   // ±0, never NaN
        }

        // Where y is subnormal (x − m from −87.3 to −103.3) and below, the term is e^(x − m)·2^64, not 0 (as it was when
        // 2^K was formed before the 2^64: +0 from −87.7 on). (Further down, toward the clamp at −132.5, the term itself
        // becomes subnormal and loses digits, but its quotient is below 2^-150 and rounds to 0 anyway.)
        foreach (float d in new[] { -88f, -95.5f, -103f, -110f })
        {
            double term = Exponential(d, 0f, out double residual);
            Assert.True(Math.Abs(((term + residual) / Math.Exp(d)) - 1) < Math.ScaleB(1.0, -31), $"d = {d}: {term + residual:R}");
        }

        Assert.True(double.IsNaN(Exponential(float.NaN, 1f, out _)));
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
                float e = FloatSoftmax.Exponential<float, FloatScalarLanes>(x, 0f, out float residual);
                FloatSoftmax.Accumulate<float, FloatScalarLanes>(ref sum, ref carry, e, residual);
                exact += (double)e + residual;
            }

            double error = Math.Abs(sum + (double)carry - exact);
            Assert.True(error <= Math.ScaleB(exact, -30), $"trial {trial}: pair off by {error / exact:E2} relative");
            Assert.True(Math.Abs(sum - exact) > 4 * error, $"trial {trial}: the carry did not matter");
        }
    }

    // One rounding from the pairs: within ½ ULP (plus 2^-34 relative) of (e' + r)/S for every normal result, down to the
    // smallest, where dropping r, or multiplying by the rounded reciprocal, misses the nearest float often. The pairs
    // come at 2^64 times their scale and unnormalised (|r| up to 2^-11.5·e'), as the exponential returns them.
    [Fact]
    public void QuotientOfThePairsIsRoundedOnce()
    {
        var random = new Random(21);
        int withoutResidual = 0, reciprocalMisses = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double v = random.NextDouble() * Math.ScaleB(1.0, 64 - random.Next(126));   // down to 2^-126, times 2^64
            float e = (float)(v * (1 + ((random.NextDouble() - 0.5) * Math.ScaleB(1.0, -11)))), residual = (float)(v - e);
            double sum = Math.ScaleB(1 + (random.NextDouble() * Math.ScaleB(1.0, random.Next(17))), 64);
            (float reciprocal, float negHi, float negLo) = FloatSoftmax.Divisor(sum);
            float q = FloatSoftmax.Quotient<float, FloatScalarLanes>(e, residual, reciprocal, negHi, negLo);
            double truth = ((double)e + residual) / sum;
            if (truth < Ulp.MinNormal)
            {
                continue;
            }

            double ulp = Math.ScaleB(1.0, Math.ILogB(truth) - 23);
            Assert.True(Math.Abs(q - truth) <= (0.5 * ulp) + Math.ScaleB(truth, -34), $"({e:R} + {residual:R}) / {sum:R}: {q:R} vs {truth:R}");
            withoutResidual += FloatSoftmax.Quotient<float, FloatScalarLanes>(e, 0f, reciprocal, negHi, negLo) != (float)truth ? 1 : 0;
            reciprocalMisses += (float)(((double)e + residual) * reciprocal) != (float)truth ? 1 : 0;
        }

        Assert.True(withoutResidual > 10_000, $"only {withoutResidual} quotients needed the residual");
        Assert.True(reciprocalMisses > 10_000, $"only {reciprocalMisses} reciprocal products missed");
    }

    [Fact]
    public void VectorLanesGiveTheScalarBits()
    {
        var random = new Random(4);
        float[] x = [.. Enumerable.Range(0, 16).Select(i => i == 3 ? float.NegativeInfinity : (float)((random.NextDouble() * 200) - 100))];
        float[] s0 = [.. Enumerable.Range(0, 16).Select(i => (float)Math.ScaleB(random.NextDouble() * 40, 64))];
        const float Max = 100.5f;
        (float reciprocal, float negHi, float negLo) = FloatSoftmax.Divisor(Math.ScaleB(12345.678901, 64));

        Vector512<float> e512 = FloatSoftmax.Exponential<Vector512<float>, FloatLanes512>(Vector512.Create(x), Vector512.Create(-Max), out var r512);
        Vector512<float> sum512 = Vector512.Create(s0), carry512 = Vector512.Create(1e12f);
        FloatSoftmax.Accumulate<Vector512<float>, FloatLanes512>(ref sum512, ref carry512, e512, r512);
        Vector512<float> q512 = FloatSoftmax.Quotient<Vector512<float>, FloatLanes512>(e512, r512, Vector512.Create(reciprocal), Vector512.Create(negHi), Vector512.Create(negLo));

        for (int half = 0; half < 2; half++)
        {
            Vector256<float> e256 = FloatSoftmax.Exponential<Vector256<float>, FloatLanes256>(Vector256.Create(x.AsSpan(8 * half, 8)), Vector256.Create(-Max), out var r256);
            Vector128<float> e128 = FloatSoftmax.Exponential<Vector128<float>, FloatLanes128>(Vector128.Create(x.AsSpan(8 * half, 4)), Vector128.Create(-Max), out var r128);
            for (int j = 0; j < 8; j++)
            {
                Assert.Equal((e512[(8 * half) + j], r512[(8 * half) + j]), (e256[j], r256[j]));
                if (j < 4)
                {
                    Assert.Equal((e512[(8 * half) + j], r512[(8 * half) + j]), (e128[j], r128[j]));
                }
            }
        }

        for (int i = 0; i < 16; i++)
        {
            float e = FloatSoftmax.Exponential<float, FloatScalarLanes>(x[i], -Max, out float residual);
            float sum = s0[i], carry = 1e12f;
            FloatSoftmax.Accumulate<float, FloatScalarLanes>(ref sum, ref carry, e, residual);
            float q = FloatSoftmax.Quotient<float, FloatScalarLanes>(e, residual, reciprocal, negHi, negLo);
            Assert.Equal((e, residual, sum, carry, q), (e512[i], r512[i], sum512[i], carry512[i], q512[i]));
        }
    }
}
