using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class HardsigmoidTests
{
    // PyTorch 1.13, nn.Hardsigmoid()(x) and the gradient of its sum (scalar and vectorized paths agree).
    private static readonly float[] X = [float.NaN, float.NegativeInfinity, float.PositiveInfinity, -0f, -3f, 3f, 1f, -1f, 0.5f, 2f, -2.9999998f];
    private static readonly float[] TorchY = [float.NaN, 0f, 1f, 0.5f, 0f, 1f, 0.6666666865348816f, 0.3333333432674408f, 0.5833333134651184f, 0.8333333134651184f, 3.973643103449831e-08f];
    private static readonly float[] TorchDx = [0f, 0f, 0f, 0.1666666716337204f, 0f, 0f, 0.1666666716337204f, 0.1666666716337204f, 0.1666666716337204f, 0.1666666716337204f, 0.1666666716337204f];

    [Fact]
    public void Forward_GivesPyTorchsBits_AtTheEdges() =>
        ElementwiseProbe.AssertBits(X, TorchY, ElementwiseProbe.Forward(new Hardsigmoid(), X));

    [Fact]
    public void Backward_IsASixthStrictlyInside_ZeroAtPlusMinus3_AndForNaN_AsPyTorch() =>
        ElementwiseProbe.AssertBits(X, TorchDx, ElementwiseProbe.GradientOfSum(new Hardsigmoid(), X));

    [Fact]
    public void JustBelow3_IsCorrectlyRounded_WherePyTorchRoundsTwiceTo1()
    {
        // (6 − 2^-22)/6 = 1 − 2^-22/6 rounds to 1 − 2^-24; PyTorch's fl(x + 3) = 6 (a tie to even) makes it 1.
        float y = ElementwiseProbe.Forward(new Hardsigmoid(), 2.9999998f)[0];
        Assert.Equal(0.99999994f, y);
    }

    [Fact]
    public void IsMonotone_AcrossTheMiddleBand()
    {
        float[] x = [.. Enumerable.Range(0, 60_001).Select(i => -3f + (i / 10_000f))];
        float[] y = new float[x.Length];
        ActivationKernels.Hardsigmoid(x, y);
        for (int i = 1; i < y.Length; i++)
        {
            Assert.True(y[i] >= y[i - 1], $"x = {x[i]:R}");
        }
    }

    [Fact]
    public void ToString_IsPyTorchsRepr() => Assert.Equal("Hardsigmoid()", new Hardsigmoid().ToString());
}
