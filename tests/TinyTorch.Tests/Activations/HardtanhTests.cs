using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class HardtanhTests
{
    // PyTorch 1.13, nn.Hardtanh()(x) and the gradient of its sum, on a 64-element tensor (the vectorized path).
    private static readonly float[] X = [float.NaN, float.NegativeInfinity, float.PositiveInfinity, -0f, 0f, -1f, 1f, 0.5f, -0.5f, 2f, -2f];
    private static readonly float[] TorchY = [float.NaN, -1f, 1f, -0f, 0f, -1f, 1f, 0.5f, -0.5f, 1f, -1f];
    private static readonly float[] TorchDx = [0f, 0f, 0f, 1f, 1f, 0f, 0f, 1f, 1f, 0f, 0f];

    [Fact]
    public void Forward_GivesPyTorchsBits_AtTheEdges() =>
        ElementwiseProbe.AssertBits(X, TorchY, ElementwiseProbe.Forward(new Hardtanh(), X));

    [Fact]
    public void Backward_PassesTheGradientOnlyStrictlyInside_AsPyTorch() =>
        ElementwiseProbe.AssertBits(X, TorchDx, ElementwiseProbe.GradientOfSum(new Hardtanh(), X));

    [Fact]
    public void OtherBounds_AsPyTorchsHardtanhMinus2To2()
    {
        float[] x = [-3f, -2f, -1f, 1f, 2f, 3f];
        ElementwiseProbe.AssertBits(x, [-2f, -2f, -1f, 1f, 2f, 2f], ElementwiseProbe.Forward(new Hardtanh(-2f, 2f), x));
        ElementwiseProbe.AssertBits(x, [0f, 0f, 1f, 1f, 0f, 0f], ElementwiseProbe.GradientOfSum(new Hardtanh(-2f, 2f), x));
    }

    [Theory]
    [InlineData(-2.5f, 0.75f)]
    [InlineData(-1e-20f, 3e10f)]
    [InlineData(0.25f, 0.25f)]
    public void IsExact_AtOtherBounds(float minVal, float maxVal)
    {
        float[] x = [.. Ulp.StridedFloats(65537)];
        float[] y = new float[x.Length];
        ActivationKernels.Hardtanh(x, y, minVal, maxVal);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(HardtanhMath.Forward(x[i], minVal, maxVal), y[i]);
        }
    }

    [Fact]
    public void Backward_FromTheInput_EqualsBackward_FromTheOutput()
    {
        float[] x = [.. Ulp.StridedFloats((1u << 20) + 1), -1f, 1f, 0f, float.NaN];
        float[] g = [.. x.Select((_, i) => (float)(i % 7) - 3f)];
        float[] y = new float[x.Length], fromX = new float[x.Length], fromY = new float[x.Length];
        ActivationKernels.Hardtanh(x, y);
        ActivationKernels.HardtanhBackward(g, x, fromX);
        ActivationKernels.HardtanhBackward(g, y, fromY);
        ElementwiseProbe.AssertBits(x, fromX, fromY);
    }

    [Theory]
    [InlineData(float.NaN, 1f, "minVal")]
    [InlineData(float.NegativeInfinity, 1f, "minVal")]
    [InlineData(-1f, float.NaN, "maxVal")]
    [InlineData(-1f, float.PositiveInfinity, "maxVal")]
    [InlineData(2f, 1f, "minVal")]
    public void BadBounds_AreRefused_ByName(float minVal, float maxVal, string name)
    {
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new Hardtanh(minVal, maxVal)).ParamName);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.Hardtanh([0f], new float[1], minVal, maxVal)).ParamName);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.HardtanhBackward([0f], [0f], new float[1], minVal, maxVal)).ParamName);
    }

    [Fact]
    public void ToString_IsPyTorchsRepr()
    {
        Assert.Equal("Hardtanh(min_val=-1.0, max_val=1.0)", new Hardtanh().ToString());
        Assert.Equal("Hardtanh(min_val=-2.5, max_val=3.0)", new Hardtanh(-2.5f, 3f).ToString());
        Assert.Equal("Hardtanh(min_val=-1e-05, max_val=1e+16)", new Hardtanh(-1e-5f, 1e16f).ToString());
    }
}
