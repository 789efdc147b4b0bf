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
}
