using TinyTorch.Activations.Reference;
using TinyTorch.Core;

namespace TinyTorch.Tests.Activations.Reference;

/// <summary>The gated references' limits (GatedMath and the four units' files), where double alone would say NaN or 0.</summary>
public class GatedMathTests
{
    [Fact]
    public void InfiniteATimesAGateTooSmallForDoubleIsInfinite()
    {
        Assert.Equal(double.PositiveInfinity, GLUMath.Forward(double.PositiveInfinity, -800));
        Assert.Equal(double.NegativeInfinity, SwiGLUMath.Forward(double.PositiveInfinity, -800));
        Assert.Equal(double.NegativeInfinity, GeGLUMath.Forward(double.NegativeInfinity, 900, GeluApproximation.Tanh));
    }

    [Fact]
    public void InfinityTimesAZeroGateIsNaN()
    {
        Assert.True(double.IsNaN(GLUMath.Forward(double.PositiveInfinity, double.NegativeInfinity)));
        Assert.True(double.IsNaN(SwiGLUMath.Forward(double.PositiveInfinity, 0)));
        Assert.True(double.IsNaN(ReGLUMath.Forward(double.PositiveInfinity, -1)));
        Assert.True(double.IsNaN(GLUMath.Forward(double.PositiveInfinity, double.NaN)));
    }

    [Fact]
    public void FiniteValuesAreTheTextbookProducts()
    {
        Assert.Equal(3 / (1 + Math.Exp(-0.5)), GLUMath.Forward(3, 0.5), 15);
        Assert.Equal(3 * 0.5 / (1 + Math.Exp(-0.5)), SwiGLUMath.Forward(3, 0.5), 15);
        Assert.Equal(-6, ReGLUMath.Forward(-3, 2));
        Assert.Equal(0.0, SwiGLUMath.Forward(2, double.NegativeInfinity));
        Assert.Equal(2 * 0.25, GLUMath.DerivativeB(2, 0), 15);
        Assert.Equal(0.0, ReGLUMath.DerivativeB(2, 0));
    }
}
