using TinyTorch.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels.Operators;

public class GeluExactFormOperatorTests
{
    [Fact]
    public void StridedSweepOverAllFloat32IsWithin2Ulp() =>
        OperatorChecks.StridedSweep<GeluExactFormOperator>(Oracle.GeluExact, 2);

    [Fact]
    public void EveryWidthGivesTheScalarBits() =>
        OperatorChecks.WidthsAgree<GeluExactFormOperator>(OperatorChecks.Sample());

    [Fact]
    public void SpecialValuesAreWithinTheBound()
    {
        float[] x = OperatorChecks.SpecialValues;
        float[] scalar = [.. x.Select(GeluExactFormOperator.Invoke)];
        OperatorChecks.AssertWithin(x, scalar, Oracle.GeluExact, 2);
    }

    [Fact]
    public void InfinitiesGiveTheirLimitsAndNaNStaysNaN()
    {
        Assert.Equal(0f, GeluExactFormOperator.Invoke(float.NegativeInfinity));
        Assert.Equal(float.PositiveInfinity, GeluExactFormOperator.Invoke(float.PositiveInfinity));
        Assert.True(float.IsNaN(GeluExactFormOperator.Invoke(float.NaN)));
    }

    [Fact]
    public void NegativeTailKeepsRelativePrecision()
    {
        // NOTE: the tail is where a float-precision argument or a 1 + erf loses everything: check it densely.
        var x = new List<float>();
        for (float v = -1f; v > -120f; v *= 1.001f)
        {
            x.Add(v);
        }

        float[] y = [.. x.Select(GeluExactFormOperator.Invoke)];
        OperatorChecks.AssertWithin(x.ToArray(), y, Oracle.GeluExact, 2);
    }
}
