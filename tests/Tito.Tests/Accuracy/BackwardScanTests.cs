using TinyTorch.Catalog;
using Tito.Accuracy;

namespace Tito.Tests.Accuracy;

public class BackwardScanTests
{
    [Fact]
    public void Error_IsInUnitsOfTwoToMinus24_OfTheLargerOfTheTruthAndOne()
    {
        Assert.Equal(1.0, BackwardScan.Error(1f + MathF.Pow(2, -24) * 2, 1.0 + Math.ScaleB(1.0, -24)), 6);   // 2^-24 away, at |D| = 1
        Assert.Equal(1.0, BackwardScan.Error(0.25f, 0.25 + Math.ScaleB(1.0, -24)), 12);                        // below 1: absolute
        Assert.Equal(2.0, BackwardScan.Error(4f, 4 + Math.ScaleB(4.0, -23)), 6);                              // above 1: relative
    }

    [Fact]
    public void Error_OfNaNs_AndOfAnOverflowTheTruthAlsoHas()
    {
        Assert.Equal(0, BackwardScan.Error(float.NaN, double.NaN));
        Assert.Equal(double.PositiveInfinity, BackwardScan.Error(float.NaN, 0.5));
        Assert.Equal(double.PositiveInfinity, BackwardScan.Error(0.5f, double.NaN));
        Assert.Equal(0, BackwardScan.Error(float.PositiveInfinity, 3.4e38 * 2));   // SquaredReLU′ = 2x past float's top
        Assert.Equal(double.PositiveInfinity, BackwardScan.Error(float.PositiveInfinity, 1.0));
    }

    [Fact]
    public void Run_FindsTheMishSlopesWorstInput_WhenItIsScanned()
    {
        // Stride 1 from the worst input's bit pattern would take minutes; a stride that hits it: the pattern itself.
        ActivationVariant mish = Assert.Single(BackwardScan.Variants, v => v.Key == "mish");
        uint bits = BitConverter.SingleToUInt32Bits(0.9332718f);
        var result = Assert.Single(BackwardScan.Run([mish], bits, _ => { }));
        Assert.Equal(2.522, result.Worst, 3);   // MishBackwardOperator's W, over all 2^32 inputs
        Assert.Equal(0.9332718f, result.WorstInput);
    }
}
