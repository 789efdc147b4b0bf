using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class SELUTests
{
    private static float Forward(float x) => ElementwiseProbe.At(ActivationKernels.SELU, x);

    private static float Slope(float x) => ElementwiseProbe.SlopeAt(ActivationKernels.SELUBackward, x);

    // PyTorch 1.13's torch.nn.functional.selu and its autograd.
    [Theory]
    [InlineData(1f, 1.0507010221481323f, 1.0507010221481323f)]
    [InlineData(-1f, -1.1113307476043701f, 0.6467686295509338f)]
    [InlineData(20f, 21.014020919799805f, 1.0507010221481323f)]
    public void MatchesPyTorch_WithinOneUlp(float x, float torchY, float torchSlope)
    {
        Assert.True(Ulp.Error(Forward(x), torchY) <= 1, $"SELU({x}) = {Forward(x):R}, PyTorch {torchY:R}");
        Assert.True(Math.Abs(Slope(x) - torchSlope) <= 4 * Ulp.SizeAt(torchSlope), $"SELU'({x}) = {Slope(x):R}");
    }

    // PyTorch: selu(±0) = +0 with slope scale·alpha = 1.7580993175506592, selu(−∞) = −1.7580993175506592 with
    // slope 0, NaN gives NaN with slope scale = 1.0507010221481323.
    [Fact]
    public void Edges_AreThoseOfPyTorch()
    {
        Assert.True(OperatorChecks.SameBits(0f, Forward(-0f)));
        Assert.Equal(1.7580993175506592f, Slope(0f));
        Assert.Equal(1.7580993175506592f, Slope(-0f));
        Assert.Equal(-1.7580993175506592f, Forward(float.NegativeInfinity));
        Assert.Equal(0f, Slope(float.NegativeInfinity));
        Assert.True(float.IsNaN(Forward(float.NaN)));
        Assert.Equal(1.0507010221481323f, Slope(float.NaN));
        Assert.Equal(float.PositiveInfinity, Forward(float.PositiveInfinity));
    }

    // scale is not a float: the float scale times x would be off by up to 0.56 ULP before its own rounding. As a pair,
    // scale·x is rounded once wherever it is normal (below 2^-60 x·scale's low part is formed at 2^64 scale; where the
    // result is subnormal, scaling it back rounds it again on the subnormal grid: ½ + ¼ ULP in subnormal spacing), and
    // past float.MaxValue/scale it overflows to +∞ as the true value does.
    [Fact]
    public void PositiveSide_IsRoundedOnce()
    {
        var random = new Random(5);
        for (int i = 0; i < 100_000; i++)
        {
            float x = (float)Math.ScaleB(1.0 + random.NextDouble(), random.Next(-149, 127));
            double truth = SELUMath.Forward(x);
            double bound = Math.Abs(truth) < Ulp.MinNormal ? 0.75 : 0.5 + 1e-6;
            Assert.True(Ulp.WithinForwardBound(Forward(x), truth, bound), $"SELU({x:R}) = {Forward(x):R}");
        }

        Assert.Equal(float.PositiveInfinity, Forward(float.MaxValue));
    }

    [Fact]
    public void Module_PrintsLikePyTorch() => Assert.Equal("SELU()", new SELU().ToString());

    [Fact]
    public void Functional_MatchesTheModule()
    {
        var x = new Tensor([-3f, -1f, 0f, 2f], [4]);
        var g = new Tensor([1f, -2f, 0.5f, 3f], [4]);
        var module = new SELU();
        Assert.Equal(module.Forward(x).ToArray(), Functional.SELU(x).ToArray());
        Assert.Equal(module.Backward(g).ToArray(), Functional.SELUBackward(g, x).ToArray());
    }
}
