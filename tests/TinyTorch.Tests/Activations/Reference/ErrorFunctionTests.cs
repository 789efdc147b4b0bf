using MathNet.Numerics;
using TinyTorch.Activations.Reference;

namespace TinyTorch.Tests.Activations.Reference;

public class ErrorFunctionTests
{
    [Fact]
    public void Erfc_MatchesMathNet_ToARelative1e14_FromMinus6To27()
    {
        // 27 is where erfc underflows double; the relative error is what a float result inherits.
        double worst = 0;
        for (double x = -6; x <= 27; x += 0.0137)
        {
            double expected = SpecialFunctions.Erfc(x);
            double actual = ErrorFunction.Erfc(x);
            if (expected > 1e-300)
            {
                worst = Math.Max(worst, Math.Abs(actual - expected) / expected);
            }
        }

        Assert.True(worst < 1e-14, $"worst relative error {worst:E3}");
    }

    [Fact]
    public void Erf_IsOddAndMatchesMathNet()
    {
        foreach (double x in new[] { 0.0, 1e-10, 0.3, 1, 2.4999, 2.5, 3, 5 })
        {
            Assert.Equal(SpecialFunctions.Erf(x), ErrorFunction.Erf(x), tolerance: 1e-15);
            Assert.Equal(-ErrorFunction.Erf(x), ErrorFunction.Erf(-x));
        }
    }

    [Fact]
    public void Erfc_Limits()
    {
        Assert.Equal(0.0, ErrorFunction.Erfc(double.PositiveInfinity));
        Assert.Equal(2.0, ErrorFunction.Erfc(double.NegativeInfinity));
        Assert.Equal(1.0, ErrorFunction.Erfc(0));
        Assert.True(double.IsNaN(ErrorFunction.Erfc(double.NaN)));
    }
}
