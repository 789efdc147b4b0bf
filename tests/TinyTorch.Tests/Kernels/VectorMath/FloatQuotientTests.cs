using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Tests.Kernels.VectorMath;

public class FloatQuotientTests
{
    // A pair (hi, lo) with lo just under hi's half-ULP: the quotient of pairs differs from hi/hi in the last bit
    // often enough that ignoring lo would fail this test.
    private static (float Hi, float Lo) Pair(Random random, double low, double high)
    {
        double v = low + (random.NextDouble() * (high - low));
        float hi = (float)v;
        return (hi, (float)(v - hi));
    }

    [Fact]
    public void QuotientOfPairsIsCorrectlyRoundedUpToATinyMargin()
    {
        var random = new Random(5);
        int differsFromHiOverHi = 0;
        for (int i = 0; i < 200_000; i++)
        {
            (float nHi, float nLo) = Pair(random, 0.25, 1.5);
            (float dHi, float dLo) = Pair(random, 1.0, 2.0);
            float q = FloatQuotient.Divide<float, FloatScalarLanes>(nHi, nLo, dHi, dLo);
            double truth = ((double)nHi + nLo) / ((double)dHi + dLo);
            double ulp = Math.ScaleB(1.0, Math.ILogB(truth) - 23);
            Assert.True(Math.Abs(q - truth) <= 0.5001 * ulp, $"({nHi:R} + {nLo:R}) / ({dHi:R} + {dLo:R}): {q:R} vs {truth:R}");
            if (q != nHi / dHi)
            {
                differsFromHiOverHi++;
            }
        }

        Assert.True(differsFromHiOverHi > 1000, $"only {differsFromHiOverHi} quotients needed the lo parts");
    }

    // Pairs as FloatExp leaves them, lo up to 2^-11.5·hi: dividing the residual by dHi alone would be off by up to
    // 2^-21 relative (8 ULP); with the refined reciprocal the quotient is still rounded once, up to 2^-30.5.
    [Fact]
    public void UnnormalisedPairsAreStillRoundedOnce()
    {
        var random = new Random(6);
        for (int i = 0; i < 200_000; i++)
        {
            float nHi = (float)(0.25 + (random.NextDouble() * 1.25));
            float nLo = (float)((random.NextDouble() - 0.5) * nHi * Math.Pow(2, -10.5));
            float dHi = (float)(1.0 + random.NextDouble());
            float dLo = (float)((random.NextDouble() - 0.5) * dHi * Math.Pow(2, -10.5));
            float q = FloatQuotient.Divide<float, FloatScalarLanes>(nHi, nLo, dHi, dLo);
            double truth = ((double)nHi + nLo) / ((double)dHi + dLo);
            double ulp = Math.ScaleB(1.0, Math.ILogB(truth) - 23);
            Assert.True(Math.Abs(q - truth) <= 0.52 * ulp, $"({nHi:R} + {nLo:R}) / ({dHi:R} + {dLo:R}): {q:R} vs {truth:R}");
        }
    }

    // The logistic's denominators: dHi anywhere from 1 to 2^127 (GELU's x·σ(z) for negative z is x/(1 + e^|z|)), dLo up
    // to 2^-11.5·dHi; the quotient of a float by the pair is still rounded once, up to 2^-30.5 (within 2^-148 where the
    // result is subnormal).
    [Fact]
    public void FloatQuotientOfUnnormalisedPairsIsRoundedOnce()
    {
        var random = new Random(7);
        int differsFromPlainQuotient = 0;
        for (int i = 0; i < 200_000; i++)
        {
            float dHi = (float)Math.ScaleB(1.0 + random.NextDouble(), random.Next(0, 127));
            float dLo = (float)((random.NextDouble() - 0.5) * dHi * Math.Pow(2, -10.5));
            float n = (float)((random.NextDouble() - 0.5) * 8);
            double pair = (double)dHi + dLo;
            float quotient = FloatQuotient.DivideFloat<float, FloatScalarLanes>(n, dHi, dLo);
            double truth = n / pair;
            double allowed = Math.Abs(truth) >= Math.ScaleB(1.0, -126) ? 0.52 * Math.ScaleB(1.0, Math.ILogB(Math.Abs(truth)) - 23) : Math.ScaleB(1.0, -148);
            Assert.True(Math.Abs(quotient - truth) <= allowed, $"{n:R} / ({dHi:R} + {dLo:R}): {quotient:R} vs {truth:R}");

            if (quotient != n / dHi)
            {
                differsFromPlainQuotient++;
            }
        }

        Assert.True(differsFromPlainQuotient > 1000, $"only {differsFromPlainQuotient} quotients needed dLo");
    }
}
