using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class SiLUTests
{
    private static float Forward(float x) => ElementwiseProbe.At(ActivationKernels.SiLU, x);

    private static float Slope(float x) => ElementwiseProbe.SlopeAt(ActivationKernels.SiLUBackward, x);

    // PyTorch 1.13's torch.nn.functional.silu and its autograd, at the points where implementations differ.
    [Theory]
    [InlineData(1f, 0.7310585975646973f, 0.9276705384254456f)]
    [InlineData(-1f, -0.2689414322376251f, 0.07232948392629623f)]
    [InlineData(20f, 20f, 1f)]
    [InlineData(20.5f, 20.5f, 1f)]
    public void MatchesPyTorch_WithinOneUlp(float x, float torchY, float torchSlope)
    {
        Assert.True(Ulp.Error(Forward(x), torchY) <= 1, $"SiLU({x}) = {Forward(x):R}, PyTorch {torchY:R}");
        Assert.True(Math.Abs(Slope(x) - torchSlope) <= 4 * Ulp.SizeAt(torchSlope), $"SiLU'({x}) = {Slope(x):R}, PyTorch {torchSlope:R}");
    }

    // PyTorch: silu(±0) = ±0 with slope 0.5 at both, NaN stays NaN, +∞ stays +∞.
    [Fact]
    public void Zeros_KeepTheirSign_AndTheSlopeThereIsOneHalf()
    {
        Assert.True(OperatorChecks.SameBits(0f, Forward(0f)));
        Assert.True(OperatorChecks.SameBits(-0f, Forward(-0f)));
        Assert.Equal(0.5f, Slope(0f));
        Assert.Equal(0.5f, Slope(-0f));
        Assert.True(float.IsNaN(Forward(float.NaN)));
        Assert.True(float.IsNaN(Slope(float.NaN)));
        Assert.Equal(float.PositiveInfinity, Forward(float.PositiveInfinity));
    }

    // PyTorch returns NaN at −∞ (−∞·σ(−∞) = −∞·0) and NaN slopes at both infinities; here they are the limits.
    [Fact]
    public void Infinities_GiveTheLimits_WherePyTorchGivesNaN()
    {
        Assert.True(OperatorChecks.SameBits(-0f, Forward(float.NegativeInfinity)));
        Assert.Equal(0f, Slope(float.NegativeInfinity));
        Assert.Equal(1f, Slope(float.PositiveInfinity));
    }

    // PyTorch's silu(−100) is −0 (its e^100 overflows); the truth −3.72e−42 is a float (subnormal), and is kept.
    [Fact]
    public void DeepNegativeTail_IsNotFlushedToZero()
    {
        float y = Forward(-100f);
        Assert.True(y < 0f);
        Assert.True(Math.Abs(y - SiLUMath.Forward(-100.0)) <= Math.ScaleB(1.0, -149));
    }

    // The dip: the minimum −0.27846… at x ≈ −1.2785, where the slope crosses 0.
    [Fact]
    public void Minimum_IsNearMinus1Point2785_WithSlopeZero()
    {
        Assert.True(Math.Abs(Slope(-1.2785f)) < 1e-4);
        Assert.True(Math.Abs(Forward(-1.2785f) - (-0.2784645)) < 1e-6);
    }

    // A dense sweep of the interesting range, within the proven bound, at every element of a long span (every width).
    [Fact]
    public void DenseSweep_IsWithinItsBound()
    {
        float[] x = [.. Enumerable.Range(0, 200_001).Select(i => -110f + (i * 0.00115f))];
        float[] y = new float[x.Length];
        ActivationKernels.SiLU(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(Ulp.WithinForwardBound(y[i], SiLUMath.Forward(x[i]), 0.57), $"SiLU({x[i]:R}) = {y[i]:R}");
        }
    }

    [Fact]
    public void Module_PrintsLikePyTorch() => Assert.Equal("SiLU()", new SiLU().ToString());

    [Fact]
    public void Functional_MatchesTheModule()
    {
        var x = new Tensor([-3f, -1f, 0f, 2f], [4]);
        var g = new Tensor([1f, -2f, 0.5f, 3f], [4]);
        var module = new SiLU();
        Assert.Equal(module.Forward(x).ToArray(), Functional.SiLU(x).ToArray());
        Assert.Equal(module.Backward(g).ToArray(), Functional.SiLUBackward(g, x).ToArray());
    }
}
