using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class SoftshrinkTests
{
    // PyTorch 1.13, nn.Softshrink()(x) and the gradient of its sum, on a 64-element tensor (the vectorized path),
    // with one exception: PyTorch 1.13 returns 0 for NaN (pytorch/pytorch#138385, fixed to NaN by #138421); NaN here.
    private static readonly float[] X = [float.NaN, float.NegativeInfinity, float.PositiveInfinity, -0f, 0f, 0.5f, -0.5f, 1f, -1f, 7f, 0.50000006f];
    private static readonly float[] TorchY = [float.NaN, float.NegativeInfinity, float.PositiveInfinity, 0f, 0f, 0f, 0f, 0.5f, -0.5f, 6.5f, 5.9604645e-08f];
    private static readonly float[] TorchDx = [0f, 1f, 1f, 0f, 0f, 0f, 0f, 1f, 1f, 1f, 1f];

    [Fact]
    public void Forward_GivesPyTorchsBits_AtTheEdges_AndKeepsNaN() =>
        ElementwiseProbe.AssertBits(X, TorchY, ElementwiseProbe.Forward(new Softshrink(), X));

    [Fact]
    public void Backward_IsZeroOnTheBandsEdges_AndForNaN_AsPyTorch() =>
        ElementwiseProbe.AssertBits(X, TorchDx, ElementwiseProbe.GradientOfSum(new Softshrink(), X));

    [Theory]
    [InlineData(0f)]
    [InlineData(0.1f)]
    [InlineData(1e-30f)]
    [InlineData(3e20f)]
    public void IsWithinHalfAnUlp_AtOtherLambds(float lambd)
    {
        float[] x = [.. Ulp.StridedFloats(65537)];
        float[] y = new float[x.Length];
        ActivationKernels.Softshrink(x, y, lambd);
        for (int i = 0; i < x.Length; i++)
        {
            double truth = SoftshrinkMath.Forward(x[i], lambd);
            Assert.True(Ulp.WithinForwardBound(y[i], truth, 0.5), $"x = {x[i]:R}: {y[i]:R} vs {truth:R}");
        }
    }

    [Fact]
    public void JustOutsideTheBand_TheResultIsTheExactSmallDifference()
    {
        // x − lambd is exact here (Sterbenz), so it never rounds to 0: the output is 0 exactly inside the band.
        float above = MathF.BitIncrement(0.5f);
        ElementwiseProbe.AssertBits([above, -above], [above - 0.5f, 0.5f - above], ElementwiseProbe.Forward(new Softshrink(), above, -above));
    }

    [Theory]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.NegativeInfinity)]
    [InlineData(float.PositiveInfinity)]
    public void ABadLambd_IsRefused_ByName(float lambd)
    {
        Assert.Equal("lambd", Assert.Throws<ArgumentOutOfRangeException>(() => new Softshrink(lambd)).ParamName);
        Assert.Equal("lambd", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.Softshrink([0f], new float[1], lambd)).ParamName);
        Assert.Equal("lambd", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.SoftshrinkBackward([0f], [0f], new float[1], lambd)).ParamName);
    }

    [Fact]
    public void ToString_IsPyTorchsRepr()
    {
        Assert.Equal("Softshrink(0.5)", new Softshrink().ToString());
        Assert.Equal("Softshrink(1e-05)", new Softshrink(1e-5f).ToString());
    }
}
