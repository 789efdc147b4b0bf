using TinyTorch.Kernels.Operators;

namespace TinyTorch.Tests.Kernels.Operators;

public class ReLUOperatorTests
{
    [Fact]
    public void EveryWidthGivesTheScalarBits() =>
        OperatorChecks.WidthsAgree<ReLUOperator>(OperatorChecks.Sample());

    [Fact]
    public void KeepsEveryInputThatIsNotBelowZero_AndGivesPlusZeroBelow()
    {
        // PyTorch's relu: 0 where x < 0, else x itself (so NaN and −0 come through unchanged).
        foreach (float x in OperatorChecks.Sample())
        {
            float expected = x < 0 ? 0f : x;
            Assert.True(OperatorChecks.SameBits(expected, default(ReLUOperator).Invoke(x)), $"ReLU({x:R}) = {default(ReLUOperator).Invoke(x):R}");
        }
    }
}
