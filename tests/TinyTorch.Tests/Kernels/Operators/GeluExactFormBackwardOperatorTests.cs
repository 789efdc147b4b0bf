using TinyTorch.Kernels;
using TinyTorch.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels.Operators;

public class GeluExactFormBackwardOperatorTests
{
    private static float[] Inputs() => OperatorChecks.Sample();

    [Fact]
    public void IsWithinTheBackwardBound()
    {
        float[] a = Inputs();
        float[] g = OperatorChecks.Gradients(a.Length);
        var dx = new float[a.Length];
        ElementwiseLoop.Binary<GeluExactFormBackwardOperator>(a, g, dx);
        OperatorChecks.AssertBackwardWithin(a, g, dx, (a, g) => g * Oracle.GeluExactDerivative(a));
    }

    [Fact]
    public void TheDerivativeIsWithinOneUlpAwayFromItsRoot()
    {
        // With g = 1 the result is the derivative itself. Near its root (x = −0.7518) only the absolute bound above
        // holds; elsewhere it is rounded about once (measured over all floats: 0.84 ULP for x ≥ 0, 0.99 on
        // [−0.5, 0), 0.96 on [−1.5, −1], ≤ 0.80 below −1.5, down into the subnormal tail).
        float[] a = [.. Inputs().Where(x => !(x > -1f && x < -0.5f))];
        float[] g = [.. a.Select(_ => 1f)];
        var dx = new float[a.Length];
        ElementwiseLoop.Binary<GeluExactFormBackwardOperator>(a, g, dx);
        for (int i = 0; i < a.Length; i++)
        {
            double truth = Oracle.GeluExactDerivative(a[i]);
            Assert.True(Ulp.Error(dx[i], truth) <= 1.0, $"x = {a[i]:R}: got {dx[i]:R}, truth {truth:R}");
        }
    }

    [Theory]
    [InlineData(float.PositiveInfinity, 2f, 2f)]
    [InlineData(float.NegativeInfinity, 2f, 0f)]
    [InlineData(0f, 3f, 1.5f)]
    [InlineData(-0f, -3f, -1.5f)]
    [InlineData(1f, float.PositiveInfinity, float.PositiveInfinity)]
    [InlineData(-1f, float.PositiveInfinity, float.NegativeInfinity)]
    [InlineData(float.NaN, 1f, float.NaN)]
    [InlineData(1f, float.NaN, float.NaN)]
    public void InfinitiesZerosAndNaN(float x, float g, float expected) =>
        Assert.Equal(expected, default(GeluExactFormBackwardOperator).Invoke(x, g));

    [Fact]
    public void EveryWidthGivesTheScalarBits()
    {
        float[] a = Inputs();
        OperatorChecks.WidthsAgree<GeluExactFormBackwardOperator>(a, OperatorChecks.Gradients(a.Length));
    }
}
