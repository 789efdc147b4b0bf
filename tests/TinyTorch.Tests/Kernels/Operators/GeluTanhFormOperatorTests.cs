using TinyTorch.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels.Operators;

public class GeluTanhFormOperatorTests
{
    [Fact]
    public void StridedSweepOverAllFloat32IsWithin1Ulp() =>
        OperatorChecks.StridedSweep<GeluTanhFormOperator>(Oracle.GeluTanh, 1);

    [Fact]
    public void EveryWidthGivesTheScalarBits() =>
        OperatorChecks.WidthsAgree<GeluTanhFormOperator>(OperatorChecks.Sample());

    [Fact]
    public void SpecialValuesAreWithinTheBound()
    {
        float[] x = OperatorChecks.SpecialValues;
        float[] scalar = [.. x.Select(v => default(GeluTanhFormOperator).Invoke(v))];
        OperatorChecks.AssertWithin(x, scalar, Oracle.GeluTanh, 2);
    }

    [Fact]
    public void InfinitiesGiveTheirLimitsAndNaNStaysNaN()
    {
        Assert.Equal(0f, default(GeluTanhFormOperator).Invoke(float.NegativeInfinity));
        Assert.Equal(float.PositiveInfinity, default(GeluTanhFormOperator).Invoke(float.PositiveInfinity));
        Assert.True(float.IsNaN(default(GeluTanhFormOperator).Invoke(float.NaN)));
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

        float[] y = [.. x.Select(v => default(GeluTanhFormOperator).Invoke(v))];
        OperatorChecks.AssertWithin(x.ToArray(), y, Oracle.GeluTanh, 2);
    }
}
