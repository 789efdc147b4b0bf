using TinyTorch.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels.Operators;

public class GeluSigmoidFormOperatorTests
{
    [Fact]
    public void StridedSweepOverAllFloat32IsWithin1Ulp() =>
        OperatorChecks.StridedSweep<GeluSigmoidFormOperator>(Oracle.GeluSigmoid, 1);

    [Fact]
    public void EveryWidthGivesTheScalarBits() =>
        OperatorChecks.WidthsAgree<GeluSigmoidFormOperator>(OperatorChecks.Sample());

    [Fact]
    public void SpecialValuesAreWithinTheBound()
    {
        float[] x = OperatorChecks.SpecialValues;
        float[] scalar = [.. x.Select(v => default(GeluSigmoidFormOperator).Invoke(v))];
        OperatorChecks.AssertWithin(x, scalar, Oracle.GeluSigmoid, 2);
    }

    [Fact]
    public void InfinitiesGiveTheirLimitsAndNaNStaysNaN()
    {
        Assert.Equal(0f, default(GeluSigmoidFormOperator).Invoke(float.NegativeInfinity));
        Assert.Equal(float.PositiveInfinity, default(GeluSigmoidFormOperator).Invoke(float.PositiveInfinity));
        Assert.True(float.IsNaN(default(GeluSigmoidFormOperator).Invoke(float.NaN)));
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

        float[] y = [.. x.Select(v => default(GeluSigmoidFormOperator).Invoke(v))];
        OperatorChecks.AssertWithin(x.ToArray(), y, Oracle.GeluSigmoid, 2);
    }
}
