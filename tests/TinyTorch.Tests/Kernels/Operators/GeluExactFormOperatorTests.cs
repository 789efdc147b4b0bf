using TinyTorch.Kernels;
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
        float[] scalar = [.. x.Select(v => default(GeluExactFormOperator).Invoke(v))];
        OperatorChecks.AssertWithin(x, scalar, Oracle.GeluExact, 2);
    }

    [Fact]
    public void InfinitiesGiveTheirLimitsAndNaNStaysNaN()
    {
        Assert.Equal(0f, default(GeluExactFormOperator).Invoke(float.NegativeInfinity));
        Assert.Equal(float.PositiveInfinity, default(GeluExactFormOperator).Invoke(float.PositiveInfinity));
        Assert.True(float.IsNaN(default(GeluExactFormOperator).Invoke(float.NaN)));
    }

    [Fact]
    public void ZerosAndTheUnderflowedTailKeepTheSignOfX()
    {
        // Bits, not values: 0f == -0f would hide a lost sign. (As theory data xUnit would merge 0 and −0.)
        (float X, float Expected)[] cases =
        [
            (0f, 0f), (-0f, -0f), (float.NegativeInfinity, -0f), (-20f, -0f), (-14.5f, -0f), (-1e30f, -0f),
            (8f, 8f), (float.MaxValue, float.MaxValue), (float.PositiveInfinity, float.PositiveInfinity),
        ];
        foreach ((float x, float expected) in cases)
        {
            float[] input = [.. Enumerable.Repeat(x, 19)];
            var output = new float[input.Length];
            ElementwiseLoop.Unary<GeluExactFormOperator>(input, output);
            uint bits = BitConverter.SingleToUInt32Bits(expected);
            Assert.True(bits == BitConverter.SingleToUInt32Bits(default(GeluExactFormOperator).Invoke(x)), $"scalar, x = {x:R}");
            Assert.True(output.All(y => BitConverter.SingleToUInt32Bits(y) == bits), $"vector, x = {x:R}: {output[0]:R}");
        }
    }

    [Theory]
    [InlineData(-1.5f, -1.35f)]     // the correction m is largest here: the worst errors sit around x = −1.44
    [InlineData(-13.3f, -12.9f)]    // the tail crosses 2^-126 at x ≈ −13.2; clamp at −13.25
    [InlineData(7.9f, 8.1f)]        // from 8 on, x itself is returned
    [InlineData(1e-3f, 0.5f)]       // x − P with P close to x/2: the Fast2Sum must keep P's low part
    public void DenseSweepAroundTheSwitchPoints(float from, float to) =>
        OperatorChecks.DenseSweep<GeluExactFormOperator>(from, to, Oracle.GeluExact, 2);

    // From x = −13.24 down 2^K underflows and the main path gives −0, while the truth is subnormal down to −14.26: the
    // deep tail rounds it once on the subnormal grid instead (½ ULP plus a·Q(a)'s own error, under 0.375 there). Every
    // 4th float from −13.2 to −14.6, mixed into vectors with a common lane, at every width. 0.61 at worst over every
    // float there; 0.7 fails a result rounded to float first and then to the grid (that measured 0.98).
    [Fact]
    public void EveryFloatThroughTheSubnormalTail_IsRoundedOnceOnTheSubnormalGrid_AtEveryWidth() =>
        OperatorChecks.SubnormalSweep<GeluExactFormOperator>(-13.2f, -14.6f, 4, -1.5f, Oracle.GeluExact, 0.7);

    [Fact]
    public void NegativeTailKeepsRelativePrecision()
    {
        // NOTE: the tail is where a float-precision argument or a 1 + erf loses everything: check it densely.
        var x = new List<float>();
        for (float v = -1f; v > -120f; v *= 1.001f)
        {
            x.Add(v);
        }

        float[] y = [.. x.Select(v => default(GeluExactFormOperator).Invoke(v))];
        OperatorChecks.AssertWithin(x.ToArray(), y, Oracle.GeluExact, 2);
    }
}
