using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class SoftplusTests
{
    private static float Forward(float x, float beta = 1f, float threshold = 20f)
    {
        float[] y = new float[1];
        ActivationKernels.Softplus([x], y, beta, threshold);
        return y[0];
    }

    private static float Slope(float x, float beta = 1f, float threshold = 20f)
    {
        float[] dx = new float[1];
        ActivationKernels.SoftplusBackward([1f], [x], dx, beta, threshold);
        return dx[0];
    }

    // PyTorch 1.13's torch.nn.functional.softplus (beta 1 and 2, threshold 20) and its autograd.
    [Theory]
    [InlineData(0f, 1f, 0.6931471824645996f, 0.5f)]
    [InlineData(1f, 1f, 1.31326162815094f, 0.7310585975646973f)]
    [InlineData(-1f, 1f, 0.3132616877555847f, 0.2689414322376251f)]
    [InlineData(0f, 2f, 0.3465735912322998f, 0.5f)]
    [InlineData(1f, 2f, 1.0634640455245972f, 0.8807970881462097f)]
    [InlineData(-1f, 2f, 0.06346400082111359f, 0.11920291930437088f)]
    public void MatchesPyTorch_WithinOneUlp(float x, float beta, float torchY, float torchSlope)
    {
        Assert.True(Ulp.Error(Forward(x, beta), torchY) <= 1, $"Softplus({x}, {beta}) = {Forward(x, beta):R}, PyTorch {torchY:R}");
        Assert.True(Math.Abs(Slope(x, beta) - torchSlope) <= 4 * Ulp.SizeAt(torchSlope), $"Softplus'({x}, {beta}) = {Slope(x, beta):R}");
    }

    // PyTorch: beta·x > threshold gives x and slope 1 (so 20 is still the curve, 20.5 is x); −∞ gives 0 with slope 0,
    // +∞ gives +∞ with slope 1, NaN gives NaN with a NaN slope.
    [Fact]
    public void Threshold_AndEdges_AreThoseOfPyTorch()
    {
        Assert.Equal(20f, Forward(20f));
        Assert.Equal(1f, Slope(20f));
        Assert.Equal(20.5f, Forward(20.5f));
        Assert.Equal(1f, Slope(20.5f));
        Assert.Equal(10.25f, Forward(10.25f, 2f, 20f));
        Assert.Equal(0f, Forward(float.NegativeInfinity));
        Assert.Equal(0f, Slope(float.NegativeInfinity));
        Assert.Equal(float.PositiveInfinity, Forward(float.PositiveInfinity));
        Assert.Equal(1f, Slope(float.PositiveInfinity));
        Assert.True(float.IsNaN(Forward(float.NaN)));
        Assert.True(float.IsNaN(Slope(float.NaN)));
    }

    // At the threshold the curve, not x: at threshold 1, softplus(1) = 1.3133, while 1.0001 gives x itself.
    [Fact]
    public void AtALowThreshold_TheComparisonIsStrict()
    {
        Assert.True(Ulp.Error(Forward(1f, 1f, 1f), SoftplusMath.Forward(1, 1, 1)) <= 1);
        Assert.Equal(1.0001f, Forward(1.0001f, 1f, 1f));
    }

    // The tail e^x ≪ 1: PyTorch's float log1p(exp(x)) at beta 2, x = −100 is 0; the truth 0.5·e^-200 is 0 too, but at
    // x = −40 (beta 2) it is 9e−36, a normal float, kept to its last bit.
    [Theory]
    [InlineData(-40f, 2f)]
    [InlineData(-17f, 1f)]
    [InlineData(-60f, 1f)]
    [InlineData(-86f, 1f)]
    public void Tail_KeepsItsDigits(float x, float beta) =>
        Assert.True(Ulp.WithinForwardBound(Forward(x, beta), SoftplusMath.Forward(x, beta, 20), 1), $"Softplus({x}, {beta}) = {Forward(x, beta):R}");

    // At beta = 0.3 and x = −292.8246, beta·x = −87.85: e^(beta·x) = 7.05e−39 is not a normal float, but e^(beta·x)/beta
    // = 2.35e−38 is; an exhaustive sweep found 0 here before the deep tail was computed at 2^64 scale.
    [Theory]
    [InlineData(-292.8246f, 0.3f)]
    [InlineData(-296f, 0.3f)]
    [InlineData(-86.05895f, 1f)]
    public void DeepTail_StaysNormal_WhereTheExponentialIsNot(float x, float beta) =>
        Assert.True(Ulp.WithinForwardBound(Forward(x, beta), SoftplusMath.Forward(x, beta, 20), 0.55), $"Softplus({x}, {beta}) = {Forward(x, beta):R}");

    [Theory]
    [InlineData(2f, 20f)]
    [InlineData(0.3f, 20f)]
    [InlineData(7f, 5f)]
    [InlineData(1f, -3f)]
    public void OtherParameters_AreWithinTheBound(float beta, float threshold)
    {
        float[] x = [.. Enumerable.Range(0, 40_001).Select(i => -60f + (i * 0.003f)), .. OperatorChecks.SpecialValues];
        float[] y = new float[x.Length];
        ActivationKernels.Softplus(x, y, beta, threshold);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(Ulp.WithinForwardBound(y[i], SoftplusMath.Forward(x[i], beta, threshold), 1), $"Softplus({x[i]:R}, {beta}, {threshold}) = {y[i]:R}");
        }
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void BetaNotAbove0_IsRefusedByName(float beta)
    {
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => new Softplus(beta)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.Softplus([1f], new float[1], beta)).ParamName);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void NonFiniteThreshold_IsRefusedByName(float threshold) =>
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => new Softplus(1f, threshold)).ParamName);

    [Fact]
    public void Module_PrintsLikePyTorch()
    {
        Assert.Equal("Softplus(beta=1, threshold=20)", new Softplus().ToString());
        Assert.Equal("Softplus(beta=2, threshold=10.5)", new Softplus(2f, 10.5f).ToString());
        Assert.Equal("Softplus(beta=2, threshold=1e-05)", new Softplus(2f, 1e-5f).ToString());   // PyTorch: threshold=1e-05
    }

    [Fact]
    public void Functional_MatchesTheModule()
    {
        var x = new Tensor([-3f, -1f, 0f, 2f], [4]);
        var g = new Tensor([1f, -2f, 0.5f, 3f], [4]);
        var module = new Softplus(2f, 3f);
        Assert.Equal(module.Forward(x).ToArray(), Functional.Softplus(x, 2f, 3f).ToArray());
        Assert.Equal(module.Backward(g).ToArray(), Functional.SoftplusBackward(g, x, 2f, 3f).ToArray());
    }
}
