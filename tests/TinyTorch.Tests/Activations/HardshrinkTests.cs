using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class HardshrinkTests
{
    // PyTorch 1.13, nn.Hardshrink()(x) and the gradient of its sum, on a 64-element tensor (the vectorized path):
    // −0 gives +0, the band's edges ±0.5 give 0 with gradient 0, NaN's gradient is 0 (the scalar path gives 1).
    private static readonly float[] X = [float.NaN, float.NegativeInfinity, float.PositiveInfinity, -0f, 0f, 0.5f, -0.5f, 1f, -1f, 0.50000006f];
    private static readonly float[] TorchY = [float.NaN, float.NegativeInfinity, float.PositiveInfinity, 0f, 0f, 0f, 0f, 1f, -1f, 0.50000006f];
    private static readonly float[] TorchDx = [0f, 1f, 1f, 0f, 0f, 0f, 0f, 1f, 1f, 1f];

    [Fact]
    public void Forward_GivesPyTorchsBits_AtTheEdges_MinusZeroBecomesPlusZero() =>
        ElementwiseProbe.AssertBits(X, TorchY, ElementwiseProbe.Forward(new Hardshrink(), X));

    [Fact]
    public void Backward_IsZeroOnTheBandsEdges_AndForNaN_AsPyTorch() =>
        ElementwiseProbe.AssertBits(X, TorchDx, ElementwiseProbe.GradientOfSum(new Hardshrink(), X));

    [Theory]
    [InlineData(0f)]
    [InlineData(0.1f)]
    [InlineData(3e20f)]
    public void IsExact_AtOtherLambds(float lambd)
    {
        float[] x = [.. Ulp.StridedFloats(65537)];
        float[] y = new float[x.Length];
        ActivationKernels.Hardshrink(x, y, lambd);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(HardshrinkMath.Forward(x[i], lambd), y[i]);
        }
    }

    [Theory]
    [InlineData(-1f)]
    [InlineData(-float.Epsilon)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void ABadLambd_IsRefused_ByName(float lambd)
    {
        // NOTE: PyTorch 1.13's Hardshrink accepts a negative lambd (its Softshrink refuses one); both refuse it here.
        Assert.Equal("lambd", Assert.Throws<ArgumentOutOfRangeException>(() => new Hardshrink(lambd)).ParamName);
        Assert.Equal("lambd", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.Hardshrink([0f], new float[1], lambd)).ParamName);
        Assert.Equal("lambd", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.HardshrinkBackward([0f], [0f], new float[1], lambd)).ParamName);
    }

    [Fact]
    public void ToString_IsPyTorchsRepr()
    {
        Assert.Equal("Hardshrink(0.5)", new Hardshrink().ToString());
        Assert.Equal("Hardshrink(0.25)", new Hardshrink(0.25f).ToString());
    }
}
