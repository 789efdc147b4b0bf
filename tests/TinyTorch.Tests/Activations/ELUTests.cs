using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class ELUTests
{
    private static float Forward(float x, float alpha = 1f)
    {
        float[] y = new float[1];
        ActivationKernels.ELU([x], y, alpha);
        return y[0];
    }

    private static float Slope(float x, float alpha = 1f)
    {
        float[] dx = new float[1];
        ActivationKernels.ELUBackward([1f], [x], dx, alpha);
        return dx[0];
    }

    // PyTorch 1.13's torch.nn.functional.elu and its autograd (which differentiates from the input).
    [Theory]
    [InlineData(1f, 1f, 1f)]
    [InlineData(-1f, -0.6321205496788025f, 0.3678794503211975f)]
    [InlineData(20f, 20f, 1f)]
    public void MatchesPyTorch_WithinOneUlp(float x, float torchY, float torchSlope)
    {
        Assert.True(Ulp.Error(Forward(x), torchY) <= 1, $"ELU({x}) = {Forward(x):R}, PyTorch {torchY:R}");
        Assert.True(Math.Abs(Slope(x) - torchSlope) <= 4 * Ulp.SizeAt(torchSlope), $"ELU'({x}) = {Slope(x):R}");
    }

    // PyTorch: elu(±0) = +0 with slope alpha (the left side, x <= 0), elu(−∞) = −alpha with slope 0, elu(+∞) = +∞
    // with slope 1, and NaN gives NaN with slope 1 (NaN <= 0 is false, so the right side).
    [Fact]
    public void Edges_AreThoseOfPyTorch()
    {
        Assert.True(OperatorChecks.SameBits(0f, Forward(0f)));
        Assert.True(OperatorChecks.SameBits(0f, Forward(-0f)));
        Assert.Equal(0.5f, Slope(0f, 0.5f));
        Assert.Equal(0.5f, Slope(-0f, 0.5f));
        Assert.Equal(-1f, Forward(float.NegativeInfinity));
        Assert.Equal(-0.5f, Forward(float.NegativeInfinity, 0.5f));
        Assert.Equal(0f, Slope(float.NegativeInfinity));
        Assert.Equal(float.PositiveInfinity, Forward(float.PositiveInfinity));
        Assert.Equal(1f, Slope(float.PositiveInfinity));
        Assert.True(float.IsNaN(Forward(float.NaN)));
        Assert.Equal(1f, Slope(float.NaN));
    }

    // PyTorch's elu(−1e−30) is 0 (its e^x − 1 cancels); the truth is −1e−30 and that is what comes out.
    [Theory]
    [InlineData(-1e-30f)]
    [InlineData(-1e-10f)]
    [InlineData(-3e-5f)]
    [InlineData(-1e-40f)]
    public void NearZero_NothingCancels(float x) =>
        Assert.True(Ulp.WithinForwardBound(Forward(x), ELUMath.Forward(x), 0.5), $"ELU({x:R}) = {Forward(x):R}");

    [Theory]
    [InlineData(0.3f)]
    [InlineData(2.5f)]
    [InlineData(-0.7f)]
    public void OtherAlphas_AreWithinTheBound(float alpha)
    {
        float[] x = [.. Enumerable.Range(0, 40_001).Select(i => -25f + (i * 0.000625f)), .. OperatorChecks.SpecialValues];
        float[] y = new float[x.Length];
        ActivationKernels.ELU(x, y, alpha);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(Ulp.WithinForwardBound(y[i], ELUMath.Forward(x[i], alpha), 1), $"ELU({x[i]:R}, {alpha}) = {y[i]:R}");
        }
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void NonFiniteAlpha_IsRefusedByName(float alpha)
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new ELU(alpha)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.ELU([1f], new float[1], alpha)).ParamName);
    }

    [Fact]
    public void Module_PrintsLikePyTorch()
    {
        Assert.Equal("ELU(alpha=1.0)", new ELU().ToString());
        Assert.Equal("ELU(alpha=0.5)", new ELU(0.5f).ToString());
        Assert.Equal("ELU(alpha=1e-05)", new ELU(1e-5f).ToString());   // PyTorch 1.13: repr(nn.ELU(1e-5)); not .NET's "1E-05"
    }

    [Fact]
    public void Functional_MatchesTheModule()
    {
        var x = new Tensor([-3f, -1f, 0f, 2f], [4]);
        var g = new Tensor([1f, -2f, 0.5f, 3f], [4]);
        var module = new ELU(0.5f);
        Assert.Equal(module.Forward(x).ToArray(), Functional.ELU(x, 0.5f).ToArray());
        Assert.Equal(module.Backward(g).ToArray(), Functional.ELUBackward(g, x, 0.5f).ToArray());
    }
}
