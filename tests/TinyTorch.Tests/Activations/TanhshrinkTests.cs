using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class TanhshrinkTests
{
    private static float Forward(float x) => ElementwiseProbe.At(ActivationKernels.Tanhshrink, x);

    private static float Slope(float x) => ElementwiseProbe.SlopeAt(ActivationKernels.TanhshrinkBackward, x);

    // PyTorch 1.13's torch.nn.functional.tanhshrink and its autograd (see the edge test for what differs).
    [Theory]
    [InlineData(1f, 0.23840582370758057f, 0.5800256729125977f)]
    [InlineData(-1f, -0.23840582370758057f, 0.5800256729125977f)]
    [InlineData(20f, 19f, 1f)]
    public void MatchesPyTorch_WithinOneUlp(float x, float torchY, float torchSlope)
    {
        Assert.True(Ulp.Error(Forward(x), torchY) <= 1, $"Tanhshrink({x}) = {Forward(x):R}, PyTorch {torchY:R}");
        Assert.True(Math.Abs(Slope(x) - torchSlope) <= 4 * Ulp.SizeAt(1.0), $"Tanhshrink'({x}) = {Slope(x):R}");
    }

    // PyTorch: ±0 → +0 (−0 − (−0)) with slope 0, ±∞ stay ±∞, NaN stays NaN; at x = 1e−3 PyTorch's x − tanh(x) returns
    // 3.4924597e−10 (float's cancellation: tanh's rounding is most of what is left), the truth is 3.3333332e−10.
    [Fact]
    public void Edges_AndTheCancellationPyTorchHas()
    {
        Assert.True(OperatorChecks.SameBits(0f, Forward(0f)));
        Assert.True(OperatorChecks.SameBits(0f, Forward(-0f)));
        Assert.Equal(0f, Slope(0f));
        Assert.Equal(float.PositiveInfinity, Forward(float.PositiveInfinity));
        Assert.Equal(float.NegativeInfinity, Forward(float.NegativeInfinity));
        Assert.True(float.IsNaN(Forward(float.NaN)));
        Assert.True(Ulp.Error(Forward(1e-3f), TanhshrinkMath.Forward(1e-3f)) <= 0.75);
    }

    // Dense over the three ranges and their seams (½ and 16), and down to where x³/3 underflows.
    [Fact]
    public void DenseSweep_IsWithinItsBound()
    {
        float[] x = [.. Enumerable.Range(0, 100_001).Select(i => -20f + (i * 0.0004f)),
            .. Enumerable.Range(0, 2000).Select(i => (float)Math.ScaleB(1.0 + (i % 7 / 7.0), -(i % 60)))];
        float[] y = new float[x.Length];
        ActivationKernels.Tanhshrink(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(Ulp.WithinForwardBound(y[i], TanhshrinkMath.Forward(x[i]), 1), $"Tanhshrink({x[i]:R}) = {y[i]:R}");
        }
    }

    [Fact]
    public void Module_PrintsLikePyTorch() => Assert.Equal("Tanhshrink()", new Tanhshrink().ToString());

    [Fact]
    public void Functional_MatchesTheModule()
    {
        var x = new Tensor([-3f, -1f, 0f, 2f], [4]);
        var g = new Tensor([1f, -2f, 0.5f, 3f], [4]);
        var module = new Tanhshrink();
        Assert.Equal(module.Forward(x).ToArray(), Functional.Tanhshrink(x).ToArray());
        Assert.Equal(module.Backward(g).ToArray(), Functional.TanhshrinkBackward(g, x).ToArray());
    }
}
