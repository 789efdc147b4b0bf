using TinyTorch.Kernels.Operators;

namespace TinyTorch.Tests.Kernels.Operators;

public class ReLUBackwardOperatorTests
{
    [Fact]
    public void EveryWidthGivesTheScalarBits()
    {
        float[] y = OperatorChecks.Sample();
        OperatorChecks.WidthsAgree<ReLUBackwardOperator>(y, OperatorChecks.Gradients(y.Length));
    }

    [Fact]
    public void IsPyTorchsThresholdBackward()
    {
        // y <= 0 ? 0 : g: +0 where y ≤ 0 (±0 included), g where y > 0 and where y is NaN.
        float[] y = OperatorChecks.Sample();
        float[] g = OperatorChecks.Gradients(y.Length);
        for (int i = 0; i < y.Length; i++)
        {
            float expected = y[i] <= 0 ? 0f : g[i];
            Assert.True(OperatorChecks.SameBits(expected, default(ReLUBackwardOperator).Invoke(y[i], g[i])), $"y = {y[i]:R}, g = {g[i]:R}");
        }
    }
}
