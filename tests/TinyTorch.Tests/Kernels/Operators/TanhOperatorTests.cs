using TinyTorch.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels.Operators;

public class TanhOperatorTests
{
    [Fact]
    public void StridedSweepOverAllFloat32IsWithin1Ulp() =>
        OperatorChecks.StridedSweep<TanhOperator>(Oracle.Tanh, 1);

    // Where k steps from 0 to −1 (|x| = ln2/4): the worst case over all inputs (0.84 ULP) sits there.
    [Fact]
    public void EveryFloatAroundTheFirstReductionStepIsWithin1Ulp()
    {
        OperatorChecks.DenseSweep<TanhOperator>(0.172f, 0.175f, Oracle.Tanh, 1);
        OperatorChecks.DenseSweep<TanhOperator>(-0.172f, -0.175f, Oracle.Tanh, 1);
    }

    // At |x| = 2^-12 the result switches from x itself to the expm1 form.
    [Fact]
    public void EveryFloatAroundTheTinyLimitIsWithin1Ulp()
    {
        OperatorChecks.DenseSweep<TanhOperator>(2.43e-4f, 2.45e-4f, Oracle.Tanh, 1);
        OperatorChecks.DenseSweep<TanhOperator>(-2.43e-4f, -2.45e-4f, Oracle.Tanh, 1);
    }

    [Fact]
    public void EveryWidthGivesTheScalarBits() =>
        OperatorChecks.WidthsAgree<TanhOperator>(OperatorChecks.Sample());

    [Fact]
    public void SpecialValuesAreWithinTheBound()
    {
        float[] x = OperatorChecks.SpecialValues;
        float[] scalar = [.. x.Select(v => default(TanhOperator).Invoke(v))];
        OperatorChecks.AssertWithin(x, scalar, Oracle.Tanh, 1);
    }

    [Theory]
    [InlineData(float.PositiveInfinity, 1f)]
    [InlineData(float.NegativeInfinity, -1f)]
    [InlineData(1e-30f, 1e-30f)]
    [InlineData(-1e-30f, -1e-30f)]
    [InlineData(float.Epsilon, float.Epsilon)]
    [InlineData(1e-5f, 1e-5f)]
    [InlineData(20f, 1f)]
    public void ExactValues(float x, float expected) => Assert.Equal(expected, default(TanhOperator).Invoke(x));

    [Fact]
    public void SignedZerosKeepTheirSign()
    {
        Assert.Equal(0u, BitConverter.SingleToUInt32Bits(default(TanhOperator).Invoke(0f)));
        Assert.Equal(0x8000_0000u, BitConverter.SingleToUInt32Bits(default(TanhOperator).Invoke(-0f)));
    }

    [Fact]
    public void IsOddExactly()
    {
        foreach (float x in OperatorChecks.Sample())
        {
            Assert.True(OperatorChecks.SameBits(default(TanhOperator).Invoke(-x), -default(TanhOperator).Invoke(x)), $"x = {x:R}");
        }
    }

    [Fact]
    public void NaNStaysNaN() => Assert.True(float.IsNaN(default(TanhOperator).Invoke(float.NaN)));
}
