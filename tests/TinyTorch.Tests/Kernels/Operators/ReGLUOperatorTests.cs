using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Tests.Kernels.Operators;

public class ReGLUOperatorTests
{
    [Fact]
    public void PairsAreCorrectlyRounded()
    {
        (float[] a, float[] b) = GateChecks.Pairs();
        GateChecks.AssertWithin(a, b, GateChecks.Forward<ReGLUOperator>(a, b), ReGLUMath.Forward, 0.5);
    }

    [Fact]
    public void EveryWidthGivesTheScalarBits()
    {
        (float[] a, float[] b) = GateChecks.Pairs(8_000);
        GateChecks.WidthsAgree<ReGLUOperator>(a, b);
    }

    [Theory]
    [InlineData(2f, -0f, -0f)]
    [InlineData(2f, -3f, 0f)]
    [InlineData(float.PositiveInfinity, 0f, float.NaN)]
    [InlineData(1f, float.NaN, float.NaN)]
    [InlineData(-3f, 2f, -6f)]
    public void SpecialValues(float a, float b, float expected)
    {
        float y = ReGLUOperator.Forward<float, FloatScalarLanes>(a, b);
        Assert.True(OperatorChecks.SameBits(expected, y), $"ReGLU({a}, {b}) = {y:R}, expected {expected:R}");
    }

    [Theory]
    [InlineData(3f, 2f, 1.5f, 3f, 4.5f)]
    [InlineData(3f, -2f, 1.5f, 0f, 0f)]
    [InlineData(3f, 0f, 1.5f, 0f, 0f)]
    public void Backward(float a, float b, float g, float expectedA, float expectedB)
    {
        float da = ReGLUOperator.Backward<float, FloatScalarLanes>(a, b, g, out float db);
        Assert.Equal(expectedA, da);
        Assert.Equal(expectedB, db);
    }
}
