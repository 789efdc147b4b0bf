using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class HardswishTests
{
    // PyTorch 1.13, nn.Hardswish()(x) on a 64-element tensor, with one exception: at −∞ PyTorch computes −∞·0 = NaN;
    // the function is 0 on all of x ≤ −3, so here its limit comes out, with the sign PyTorch gives every finite x ≤ −3.
    private static readonly float[] X = [float.NaN, float.NegativeInfinity, float.PositiveInfinity, -0f, -3f, 3f, -7f, -3.0000002f, 2.9999998f, 1f, -1f, 0.5f, -0.5f, 2f, -2f];
    private static readonly float[] TorchY =
    [
        float.NaN, -0f, float.PositiveInfinity, -0f, -0f, 3f, -0f, -0f, 2.999999761581421f, 0.6666666865348816f, -0.3333333432674408f,
        0.2916666567325592f, -0.2083333283662796f, 1.6666666269302368f, -0.3333333432674408f,
    ];

    // PyTorch 1.13's gradient of the sum on a 64-element tensor (the vectorized path): −0.5 at −3 and 1 at 3 (the
    // scalar path gives 1.5 at 3 and 1 for NaN).
    private static readonly float[] TorchDx =
    [
        float.NaN, 0f, 1f, 0.5f, -0.5f, 1f, 0f, 0f, 1.5f, 0.8333333730697632f, 0.1666666567325592f,
        0.6666666865348816f, 0.3333333134651184f, 1.1666667461395264f, -0.1666666865348816f,
    ];

    [Fact]
    public void Forward_GivesPyTorchsBits_AtTheEdges() =>
        ElementwiseProbe.AssertBits(X, TorchY, ElementwiseProbe.Forward(new Hardswish(), X));

    [Fact]
    public void Backward_TakesPyTorchsSideAtBothKinks()
    {
        float[] dx = ElementwiseProbe.GradientOfSum(new Hardswish(), X);
        for (int i = 0; i < X.Length; i++)
        {
            // NOTE: x/3 + ½ is one FMA here and two roundings in PyTorch: the middle band may differ by an ULP.
            Assert.True(
                (float.IsNaN(TorchDx[i]) && float.IsNaN(dx[i])) || Math.Abs(dx[i] - TorchDx[i]) <= 1.2e-7f,
                $"x = {X[i]:R}: {dx[i]:R}, PyTorch {TorchDx[i]:R}");
        }

        Assert.Equal(-0.5f, dx[4]);
        Assert.Equal(1f, dx[5]);
    }

    [Fact]
    public void Backward_OfAnInfiniteGradient_OutsideTheBand_IsZeroOrTheGradient_NeverNaN()
    {
        var hardswish = new Hardswish();
        hardswish.Forward(new Tensor(new[] { -5f, 5f }));
        Assert.Equal(new[] { 0f, float.PositiveInfinity }, hardswish.Backward(new Tensor(new[] { float.PositiveInfinity, float.PositiveInfinity })).ToArray());
    }

    [Fact]
    public void Minimum_IsMinus3Eighths_AtMinus1Point5() =>
        Assert.Equal(-0.375f, ElementwiseProbe.Forward(new Hardswish(), -1.5f)[0]);

    [Fact]
    public void ToString_IsPyTorchsRepr() => Assert.Equal("Hardswish()", new Hardswish().ToString());
}
