using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class MishTests
{
    private static float Forward(float x) => ElementwiseProbe.At(ActivationKernels.Mish, x);

    private static float Slope(float x) => ElementwiseProbe.SlopeAt(ActivationKernels.MishBackward, x);

    // PyTorch 1.13's torch.nn.functional.mish and its autograd.
    [Theory]
    [InlineData(1f, 0.8650983572006226f, 1.0490362644195557f)]
    [InlineData(-1f, -0.3034014403820038f, 0.059216730296611786f)]
    [InlineData(-1.5f, -0.2980997562408447f, -0.0640978142619133f)]
    [InlineData(10f, 10f, 1f)]
    [InlineData(20f, 20f, 1f)]
    public void MatchesPyTorch_WithinOneUlp(float x, float torchY, float torchSlope)
    {
        Assert.True(Ulp.Error(Forward(x), torchY) <= 1, $"Mish({x}) = {Forward(x):R}, PyTorch {torchY:R}");
        Assert.True(Math.Abs(Slope(x) - torchSlope) <= 4 * Ulp.SizeAt(1.0), $"Mish'({x}) = {Slope(x):R}");
    }

    // PyTorch: mish(±0) = ±0 (signs kept) with slope 0.6 (tanh(ln 2)), +∞ stays +∞, NaN stays NaN; at −∞ PyTorch gives NaN (and NaN
    // slopes at both infinities), here the limits 0, slope 0 and 1.
    [Fact]
    public void Edges()
    {
        Assert.True(OperatorChecks.SameBits(0f, Forward(0f)));
        Assert.True(OperatorChecks.SameBits(-0f, Forward(-0f)));
        Assert.Equal(0.6f, Slope(0f));
        Assert.Equal(0.6f, Slope(-0f));
        Assert.Equal(float.PositiveInfinity, Forward(float.PositiveInfinity));
        Assert.True(float.IsNaN(Forward(float.NaN)));
        Assert.True(float.IsNaN(Slope(float.NaN)));
        Assert.Equal(0f, Forward(float.NegativeInfinity));
        Assert.Equal(0f, Slope(float.NegativeInfinity));
        Assert.Equal(1f, Slope(float.PositiveInfinity));
    }

    // PyTorch's mish(−100) is −3.7835e−42 (subnormal, its own rounding); the truth −3.7835e−42 is within the bound.
    [Fact]
    public void DeepTail_IsWithinTheBound() => Assert.True(Ulp.WithinForwardBound(Forward(-100f), MishMath.Forward(-100.0), 2));

    [Fact]
    public void DenseSweep_IsWithinOneUlp()
    {
        float[] x = [.. Enumerable.Range(0, 200_001).Select(i => -100f + (i * 0.00058f))];
        float[] y = new float[x.Length];
        ActivationKernels.Mish(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(Ulp.WithinForwardBound(y[i], MishMath.Forward(x[i]), 1), $"Mish({x[i]:R}) = {y[i]:R}");
        }
    }

    // MishBackwardOperator's bound in its two steps: the slope alone (g = 1) within W = 2.522·2^-24 of max(|D|, 1) (all 2^32
    // floats were swept once; here every 256th float of [−30, 30] and the worst input), and with any g within
    // (W + 1)·2^-24 ≈ 3.53·2^-24 of max(|dL/dx|, |g|).
    [Fact]
    public void Backward_IsWithinItsTwoStepBound()
    {
        uint top = BitConverter.SingleToUInt32Bits(30f);
        float[] x = [0.9332718f, .. Enumerable.Range(0, (int)(top / 256) + 1).SelectMany(i => new[] { BitConverter.UInt32BitsToSingle((uint)i * 256), -BitConverter.UInt32BitsToSingle((uint)i * 256) })];
        float[] ones = [.. x.Select(_ => 1f)], slope = new float[x.Length];
        ActivationKernels.MishBackward(ones, x, slope);
        var random = new Random(5);
        float[] g = [.. x.Select(_ => (float)(((random.NextDouble() * 2) - 1) * Math.Pow(2, random.Next(-20, 20))))];
        float[] dx = new float[x.Length];
        ActivationKernels.MishBackward(g, x, dx);
        double worstSlope = 0, worstTotal = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = MishMath.Derivative(x[i]);
            worstSlope = Math.Max(worstSlope, Math.Abs(slope[i] - d) / Math.Max(Math.Abs(d), 1) * 16777216.0);
            worstTotal = Math.Max(worstTotal, Math.Abs(dx[i] - (g[i] * d)) / Math.Max(Math.Abs(g[i] * d), Math.Abs(g[i])) * 16777216.0);
        }

        Assert.InRange(worstSlope, 2.52, 2.523);   // the worst input is in the sample: the sweep's W
        Assert.True(worstTotal <= 3.53, $"worst {worstTotal:F3}·2^-24 of max(|dL/dx|, |g|)");
    }

    [Fact]
    public void Module_PrintsLikePyTorch() => Assert.Equal("Mish()", new Mish().ToString());

    [Fact]
    public void Functional_MatchesTheModule()
    {
        var x = new Tensor([-3f, -1f, 0f, 2f], [4]);
        var g = new Tensor([1f, -2f, 0.5f, 3f], [4]);
        var module = new Mish();
        Assert.Equal(module.Forward(x).ToArray(), Functional.Mish(x).ToArray());
        Assert.Equal(module.Backward(g).ToArray(), Functional.MishBackward(g, x).ToArray());
    }
}
