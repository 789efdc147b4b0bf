using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class CELUTests
{
    private static float Forward(float x, float alpha = 1f)
    {
        float[] y = new float[1];
        ActivationKernels.CELU([x], y, alpha);
        return y[0];
    }

    private static float Slope(float x, float alpha = 1f)
    {
        float[] dx = new float[1];
        ActivationKernels.CELUBackward([1f], [x], dx, alpha);
        return dx[0];
    }

    // PyTorch 1.13's torch.nn.functional.celu(x, 2.0) and its autograd.
    [Fact]
    public void MatchesPyTorch_AtAlpha2()
    {
        Assert.True(Ulp.Error(Forward(-1f, 2f), -0.7869386672973633) <= 1);
        Assert.True(Math.Abs(Slope(-1f, 2f) - 0.6065306663513184) <= 4 * Ulp.SizeAt(0.6065306663513184));
        Assert.Equal(-2f, Forward(float.NegativeInfinity, 2f));
        Assert.Equal(1f, Forward(1f, 2f));
    }

    // PyTorch: celu(±0) = +0 with slope 1 for every alpha, NaN gives NaN with slope 1, −∞ gives −alpha with slope 0.
    [Fact]
    public void Edges_AreThoseOfPyTorch()
    {
        Assert.True(OperatorChecks.SameBits(0f, Forward(-0f, 2f)));
        Assert.Equal(1f, Slope(0f, 2f));
        Assert.Equal(1f, Slope(-0f, 0.25f));
        Assert.True(float.IsNaN(Forward(float.NaN)));
        Assert.Equal(1f, Slope(float.NaN, 2f));
        Assert.Equal(0f, Slope(float.NegativeInfinity, 2f));
    }

    // x/alpha is not a float: rounded, it would move e^(x/alpha) − 1 by up to ½ ULP of the quotient; carried as a pair
    // the result stays within the bound at alphas whose reciprocal is not a float.
    [Theory]
    [InlineData(0.7f)]
    [InlineData(3f)]
    [InlineData(0.1f)]
    [InlineData(1e-3f)]
    [InlineData(1e30f)]
    public void OtherAlphas_AreWithinTheBound(float alpha)
    {
        float[] x = [.. Enumerable.Range(0, 40_001).Select(i => -25f + (i * 0.000625f)), .. OperatorChecks.SpecialValues];
        float[] y = new float[x.Length];
        ActivationKernels.CELU(x, y, alpha);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(Ulp.WithinForwardBound(y[i], CELUMath.Forward(x[i], alpha), 1), $"CELU({x[i]:R}, {alpha}) = {y[i]:R}");
        }
    }

    // PyTorch raises for alpha = 0 ("alpha cannot be 0 for CELU"); a negative alpha would flip the curve.
    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void AlphaNotAbove0_IsRefusedByName(float alpha)
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new CELU(alpha)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.CELU([1f], new float[1], alpha)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.CELUBackward([1f], [1f], new float[1], alpha)).ParamName);
    }

    [Fact]
    public void AtAlpha1_ItIsELU()
    {
        float[] x = OperatorChecks.Sample();
        float[] celu = new float[x.Length], elu = new float[x.Length];
        ActivationKernels.CELU(x, celu);
        ActivationKernels.ELU(x, elu);
        Assert.Equal(elu, celu);
    }

    [Fact]
    public void Module_PrintsLikePyTorch()
    {
        Assert.Equal("CELU(alpha=2.0)", new CELU(2f).ToString());
        Assert.Equal("CELU(alpha=1e-05)", new CELU(1e-5f).ToString());   // PyTorch 1.13: repr(nn.CELU(1e-5))
    }

    [Fact]
    public void Functional_MatchesTheModule()
    {
        var x = new Tensor([-3f, -1f, 0f, 2f], [4]);
        var g = new Tensor([1f, -2f, 0.5f, 3f], [4]);
        var module = new CELU(0.7f);
        Assert.Equal(module.Forward(x).ToArray(), Functional.CELU(x, 0.7f).ToArray());
        Assert.Equal(module.Backward(g).ToArray(), Functional.CELUBackward(g, x, 0.7f).ToArray());
    }
}
