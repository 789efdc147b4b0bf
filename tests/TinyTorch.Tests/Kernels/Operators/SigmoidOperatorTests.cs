using TinyTorch.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels.Operators;

public class SigmoidOperatorTests
{
    [Fact]
    public void StridedSweepOverAllFloat32IsWithin1Ulp() =>
        OperatorChecks.StridedSweep<SigmoidOperator>(Oracle.Sigmoid, 1);

    // Where 2^k leaves float's normal range: results fall through the subnormals (on the main path down to −88).
    [Fact]
    public void EveryFloatAcrossTheUnderflowIsWithinTheBound() =>
        OperatorChecks.DenseSweep<SigmoidOperator>(-87.0f, -88.5f, Oracle.Sigmoid, 1);

    // The reduced argument's range ends at |x| = ln2/2 (k switches from 0 to −1) — and so do its roundings.
    [Fact]
    public void EveryFloatAroundTheFirstReductionStepIsWithin1Ulp() =>
        OperatorChecks.DenseSweep<SigmoidOperator>(-0.344f, -0.349f, Oracle.Sigmoid, 1);

    // Below −88 the result is e^x rounded on the subnormal grid (it used to be +0 from −88 down, where the truth is
    // still up to 2^-126.9): down to −105 within one ULP in subnormal spacing, 2^-149, at every width.
    [Fact]
    public void EveryFloatThroughTheSubnormalTail_IsWithinOneSubnormalUlp_AtEveryWidth()
    {
        // Every 16th float (150 000 of them; the tests run a Debug build), then the lanes of a vector path over them.
        var x = new List<float>();
        for (int bits = BitConverter.SingleToInt32Bits(-87f); BitConverter.Int32BitsToSingle(bits) >= -105f; bits += 16)
        {
            x.Add(BitConverter.Int32BitsToSingle(bits));
        }

        float[] inputs = [.. x];
        foreach (float v in inputs)
        {
            float y = default(SigmoidOperator).Invoke(v);
            double error = Math.Abs(y - Oracle.Sigmoid(v)) / Math.ScaleB(1.0, -149);
            if (!(error <= 1))
            {
                Assert.Fail($"σ({v:R}) = {y:R}, truth {Oracle.Sigmoid(v):R}: {error} subnormal ULPs");
            }
        }

        OperatorChecks.WidthsAgree<SigmoidOperator>([.. inputs.Where((_, i) => i % 7 == 0)]);
    }

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
