using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;
using TinyTorch.Kernels.VectorMath;
using Xunit.Abstractions;

namespace TinyTorch.Tests.Kernels.Operators;

public class GLUOperatorTests
{
    private readonly ITestOutputHelper _output;

    public GLUOperatorTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void PairsAreWithinTheProvenBound()
    {
        (float[] a, float[] b) = GateChecks.Pairs();
        double worst = GateChecks.AssertWithin(a, b, GateChecks.Forward<GLUOperator>(a, b), GLUMath.Forward, 0.57);
        _output.WriteLine($"GLU: worst {worst:F4} ULP over {a.Length} pairs");
    }

    [Fact]
    public void RegimeEdgesAndClampsAreWithinTheProvenBound()
    {
        (float[] a, float[] b) = GateChecks.Edges();
        double worst = GateChecks.AssertWithin(a, b, GateChecks.Forward<GLUOperator>(a, b), GLUMath.Forward, 0.57);
        _output.WriteLine($"GLU at the regime edges: worst {worst:F4} ULP over {a.Length} pairs");
    }

    // Subnormal results: the power-of-two scaling after the division rounds them a second time, on the subnormal grid,
    // so they are held to the stated 0.79 ULP in subnormal spacing (GateChecks.SubnormalUlps; 0.76 measured), never
    // flushed, at every width.
    [Fact]
    public void SubnormalResultsAreWithinTheSubnormalBoundAtEveryWidth() =>
        GateChecks.SubnormalSweep<GLUOperator>(GLUMath.Forward, GateChecks.SubnormalUlps);

    [Fact]
    public void TheOrdinaryShortcutGivesTheGeneralPathsBits()
    {
        (float[] a, float[] b) = GateChecks.Pairs(20_000);
        (float[] ea, float[] eb) = GateChecks.Edges();
        int ordinary = GateChecks.ShortcutAgrees<GLUOperator>([.. a, .. ea], [.. b, .. eb]);
        Assert.True(ordinary > a.Length / 4, $"only {ordinary} pairs took the shortcut");
    }

    [Fact]
    public void EveryWidthGivesTheScalarBits()
    {
        (float[] a, float[] b) = GateChecks.Pairs(8_000);
        GateChecks.WidthsAgree<GLUOperator>(a, b);
    }

    // σ(−150) underflows float, yet 1e38·σ(−150) is a normal number: the scale follows b, not σ(b).
    [Fact]
    public void KeepsPrecisionWhereTheSigmoidAloneUnderflows()
    {
        float y = GLUOperator.Forward<float, FloatScalarLanes>(1e38f, -150f);
        Assert.True(Support.Ulp.Error(y, GLUMath.Forward(1e38, -150)) <= 0.57, $"{y:R}");
    }

    [Theory]
    [InlineData(float.PositiveInfinity, -150f, float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity, 3f, float.NegativeInfinity)]
    [InlineData(float.PositiveInfinity, float.NegativeInfinity, float.NaN)]
    [InlineData(2f, float.PositiveInfinity, 2f)]
    [InlineData(2f, float.NegativeInfinity, 0f)]
    [InlineData(-2f, float.NegativeInfinity, -0f)]
    [InlineData(3f, 0f, 1.5f)]
    [InlineData(1f, float.NaN, float.NaN)]
    [InlineData(float.NaN, 1f, float.NaN)]
    [InlineData(-0f, 1f, -0f)]
    public void SpecialValues(float a, float b, float expected)
    {
        float y = GLUOperator.Forward<float, FloatScalarLanes>(a, b);
        Assert.True(OperatorChecks.SameBits(expected, y), $"GLU({a}, {b}) = {y:R}, expected {expected:R}");
    }

    [Fact]
    public void BackwardIsWithin2ToTheMinus21Relative()
    {
        (float[] a, float[] b) = GateChecks.Pairs(20_000);
        for (int i = 0; i < a.Length; i++)
        {
            if (!float.IsFinite(a[i]) || !float.IsFinite(b[i]) || Math.Abs(a[i]) > 1e30f)
            {
                continue;
            }

            float da = GLUOperator.Backward<float, FloatScalarLanes>(a[i], b[i], 1.5f, out float db);
            GateChecks.AssertRelative(da, 1.5 * GLUMath.DerivativeA(a[i], b[i]), 1.5, Math.ScaleB(1.0, -21), $"dL/da at ({a[i]:R}, {b[i]:R})");
            GateChecks.AssertRelative(db, 1.5 * GLUMath.DerivativeB(a[i], b[i]), 1.5 * Math.Abs(a[i]), Math.ScaleB(1.0, -21), $"dL/db at ({a[i]:R}, {b[i]:R})");
        }
    }
}
