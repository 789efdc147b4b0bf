using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class ThresholdTests
{
    // PyTorch 1.13, nn.Threshold(0.5, 7.0)(x) and the gradient of its sum (scalar and vectorized paths agree).
    private static readonly float[] X = [float.NaN, float.NegativeInfinity, float.PositiveInfinity, -0f, 0f, 0.5f, -1f, 1f, 7f];
    private static readonly float[] TorchY = [float.NaN, 7f, float.PositiveInfinity, 7f, 7f, 7f, 7f, 1f, 7f];
    private static readonly float[] TorchDx = [1f, 0f, 1f, 0f, 0f, 0f, 0f, 1f, 1f];

    [Fact]
    public void Forward_GivesPyTorchsBits_NaNPassesThrough_TheThresholdItselfIsReplaced() =>
        ElementwiseProbe.AssertBits(X, TorchY, ElementwiseProbe.Forward(new Threshold(0.5f, 7f), X));

    [Fact]
    public void Backward_PassesTheGradientAboveTheThreshold_AndForNaN_AsPyTorch() =>
        ElementwiseProbe.AssertBits(X, TorchDx, ElementwiseProbe.GradientOfSum(new Threshold(0.5f, 7f), X));

    [Fact]
    public void KeepsMinusZero_AboveANegativeThreshold_AsPyTorchsThresholdMinus1Minus3()
    {
        float[] x = [-0f, -1f, -0.5f, -7f];
        ElementwiseProbe.AssertBits(x, [-0f, -3f, -0.5f, -3f], ElementwiseProbe.Forward(new Threshold(-1f, -3f), x));
    }

    [Theory]
    [InlineData(0f, 0f)]
    [InlineData(-2.5f, float.NegativeInfinity)]
    [InlineData(1e30f, -1f)]
    public void IsExact_AtOtherParameters(float threshold, float value)
    {
        float[] x = [.. Ulp.StridedFloats(65537)];
        float[] y = new float[x.Length];
        ActivationKernels.Threshold(x, y, threshold, value);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(ThresholdMath.Forward(x[i], threshold, value), y[i]);
        }
    }

    [Fact]
    public void AtZeroAndZero_IsReLU()
    {
        float[] x = [.. Ulp.StridedFloats((1u << 20) + 1)];
        float[] threshold = new float[x.Length], relu = new float[x.Length];
        ActivationKernels.Threshold(x, threshold, 0f, 0f);
        ActivationKernels.ReLU(x, relu);
        Assert.Equal(relu, threshold);
    }

    [Fact]
    public void ANaNThreshold_IsRefused_ByName()
    {
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => new Threshold(float.NaN, 1f)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.Threshold([0f], new float[1], float.NaN, 1f)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.ThresholdBackward([0f], [0f], new float[1], float.NaN)).ParamName);
    }

    [Fact]
    public void AnyValue_IsAccepted_AsPyTorch()
    {
        float[] y = ElementwiseProbe.Forward(new Threshold(0f, float.NaN), -1f, 1f);
        Assert.True(float.IsNaN(y[0]));
        Assert.Equal(1f, y[1]);
    }

    [Fact]
    public void ToString_IsPyTorchsRepr() => Assert.Equal("Threshold(threshold=0.1, value=20.0)", new Threshold(0.1f, 20f).ToString());
}
