using TinyTorch.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels.Operators;

public class SigmoidOperatorTests
{
    [Fact]
    public void StridedSweepOverAllFloat32IsWithin1Ulp() =>
        OperatorChecks.StridedSweep<SigmoidOperator>(Oracle.Sigmoid, 1);

    // Where 2^k leaves float's normal range: results fall through the subnormals to +0 at x = −87.68.
    [Fact]
    public void EveryFloatAcrossTheUnderflowIsWithinTheBound() =>
        OperatorChecks.DenseSweep<SigmoidOperator>(-87.0f, -88.5f, Oracle.Sigmoid, 1);

    // The reduced argument's range ends at |x| = ln2/2 (k switches from 0 to −1) — and so do its roundings.
    [Fact]
    public void EveryFloatAroundTheFirstReductionStepIsWithin1Ulp() =>
        OperatorChecks.DenseSweep<SigmoidOperator>(-0.344f, -0.349f, Oracle.Sigmoid, 1);

    [Fact]
    public void EveryWidthGivesTheScalarBits() =>
        OperatorChecks.WidthsAgree<SigmoidOperator>(OperatorChecks.Sample());

    [Fact]
    public void SpecialValuesAreWithinTheBound()
    {
        float[] x = OperatorChecks.SpecialValues;
        float[] scalar = [.. x.Select(v => default(SigmoidOperator).Invoke(v))];
        OperatorChecks.AssertWithin(x, scalar, Oracle.Sigmoid, 1);
    }

    [Theory]
    [InlineData(0f, 0.5f)]
    [InlineData(float.PositiveInfinity, 1f)]
    [InlineData(float.NegativeInfinity, 0f)]
    [InlineData(-1000f, 0f)]
    [InlineData(1000f, 1f)]
    public void ExactValues(float x, float expected) => Assert.Equal(expected, default(SigmoidOperator).Invoke(x));

    [Fact]
    public void NaNStaysNaN() => Assert.True(float.IsNaN(default(SigmoidOperator).Invoke(float.NaN)));
}
