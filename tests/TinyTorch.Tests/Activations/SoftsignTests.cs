using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class SoftsignTests
{
    private static float Forward(float x) => ElementwiseProbe.At(ActivationKernels.Softsign, x);

    private static float Slope(float x) => ElementwiseProbe.SlopeAt(ActivationKernels.SoftsignBackward, x);

    // PyTorch 1.13's torch.nn.functional.softsign and its autograd: ±0 keep their sign with slope 1, 1 → 0.5 (slope
    // 0.25), −3 → −0.75 (slope 0.0625), NaN → NaN.
    [Fact]
    public void MatchesPyTorch()
    {
        Assert.True(OperatorChecks.SameBits(0f, Forward(0f)));
        Assert.True(OperatorChecks.SameBits(-0f, Forward(-0f)));
        Assert.Equal(1f, Slope(0f));
        Assert.Equal(1f, Slope(-0f));
        Assert.Equal(0.5f, Forward(1f));
        Assert.Equal(0.25f, Slope(1f));
        Assert.Equal(-0.75f, Forward(-3f));
        Assert.Equal(0.0625f, Slope(-3f));
        Assert.True(float.IsNaN(Forward(float.NaN)));
        Assert.True(float.IsNaN(Slope(float.NaN)));
    }

    // PyTorch returns NaN at ±∞ (∞/∞) and NaN slopes there; here the limits ±1 and 0.
    [Fact]
    public void Infinities_GiveTheLimits_WherePyTorchGivesNaN()
    {
        Assert.Equal(1f, Forward(float.PositiveInfinity));
        Assert.Equal(-1f, Forward(float.NegativeInfinity));
        Assert.Equal(0f, Slope(float.PositiveInfinity));
        Assert.Equal(0f, Slope(float.NegativeInfinity));
    }

    // The naive x/(1 + |x|) rounds 1 + |x| first and the quotient then, up to 1 ULP; here the quotient is rounded once.
    [Fact]
    public void IsRoundedOnce_OverADenseSweep()
    {
        var random = new Random(53);
        float[] x = [.. Enumerable.Range(0, 200_000).Select(i => (float)Math.ScaleB(random.NextDouble() - 0.5, random.Next(-30, 40)))];
        float[] y = new float[x.Length];
        ActivationKernels.Softsign(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(Ulp.WithinForwardBound(y[i], SoftsignMath.Forward(x[i]), 0.52), $"Softsign({x[i]:R}) = {y[i]:R}");
        }
    }

    [Fact]
    public void Module_PrintsLikePyTorch() => Assert.Equal("Softsign()", new Softsign().ToString());

    [Fact]
    public void Functional_MatchesTheModule()
    {
        var x = new Tensor([-3f, -1f, 0f, 2f], [4]);
        var g = new Tensor([1f, -2f, 0.5f, 3f], [4]);
        var module = new Softsign();
        Assert.Equal(module.Forward(x).ToArray(), Functional.Softsign(x).ToArray());
        Assert.Equal(module.Backward(g).ToArray(), Functional.SoftsignBackward(g, x).ToArray());
    }
}
