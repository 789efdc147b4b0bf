using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Tests.Kernels.VectorMath;

public class FloatHardSigmoidTests
{
    // The remarks' claim: head + correction·fl(1/6) is (x + 3)/6 to within 2.5·2^-24 ulp(head), i.e. the pair carries
    // about 46 bits, so the final rounding is the only one that matters.
    [Fact]
    public void HeadPlusTail_IsTheQuotient_ToFarBelowAnUlp()
    {
        double worst = 0;
        for (uint bits = 0x3F80_0000; bits < 0x4040_0000; bits += 7)
        {
            foreach (float x in new[] { BitConverter.UInt32BitsToSingle(bits), -BitConverter.UInt32BitsToSingle(bits) })
            {
                float head = FloatHardSigmoid.Head<float, FloatScalarLanes>(x, out float correction);
                double pair = head + ((double)correction * FloatHardSigmoid.OneSixth);
                double exact = ((double)x + 3) / 6;
                double ulp = Math.ScaleB(1.0, Math.ILogB(Math.Max((double)head, 1e-30)) - 23);
                worst = Math.Max(worst, Math.Abs(pair - exact) / ulp);
            }
        }

        Assert.True(worst < 2.5 * Math.ScaleB(1.0, -24), $"worst {worst:E3} ulp(head)");
    }

    [Fact]
    public void AtTheEnds_TheHeadIsExact_AndTheCorrectionZero()
    {
        Assert.Equal(0f, FloatHardSigmoid.Head<float, FloatScalarLanes>(-3f, out float atMinus3));
        Assert.Equal(0f, atMinus3);
        Assert.Equal(1f, FloatHardSigmoid.Head<float, FloatScalarLanes>(3f, out float at3));
        Assert.Equal(0f, at3);
    }
}
