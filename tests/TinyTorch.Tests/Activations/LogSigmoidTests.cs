using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class LogSigmoidTests
{
    private static float Forward(float x) => ElementwiseProbe.At(ActivationKernels.LogSigmoid, x);

    private static float Slope(float x) => ElementwiseProbe.SlopeAt(ActivationKernels.LogSigmoidBackward, x);

    // PyTorch 1.13's torch.nn.functional.logsigmoid and its autograd.
    [Theory]
    [InlineData(0f, -0.6931471824645996f, 0.5f)]
    [InlineData(1f, -0.3132616877555847f, 0.2689414322376251f)]
    [InlineData(-1f, -1.3132617473602295f, 0.7310585975646973f)]
    [InlineData(20f, -2.06115369216775e-09f, 2.06115369216775e-09f)]
    [InlineData(-100f, -100f, 1f)]
    public void MatchesPyTorch_WithinOneUlp(float x, float torchY, float torchSlope)
    {
        Assert.True(Ulp.Error(Forward(x), torchY) <= 1, $"LogSigmoid({x}) = {Forward(x):R}, PyTorch {torchY:R}");
        Assert.True(Math.Abs(Slope(x) - torchSlope) <= 4 * Ulp.SizeAt(torchSlope), $"LogSigmoid'({x}) = {Slope(x):R}");
    }

    // PyTorch: −∞ gives −∞ with slope 1, +∞ gives +0 with slope 0, NaN gives NaN with a NaN slope.
    [Fact]
    public void Edges_AreThoseOfPyTorch()
    {
        Assert.Equal(float.NegativeInfinity, Forward(float.NegativeInfinity));
        Assert.Equal(1f, Slope(float.NegativeInfinity));
        Assert.True(OperatorChecks.SameBits(0f, Forward(float.PositiveInfinity)));
        Assert.Equal(0f, Slope(float.PositiveInfinity));
        Assert.True(float.IsNaN(Forward(float.NaN)));
        Assert.True(float.IsNaN(Slope(float.NaN)));
    }

    // The tail above 0, −e^-x: ln σ(x) by Math.Log(σ(x)) in float would be 0 from x = 17 on; every digit is kept here.
    [Theory]
    [InlineData(17f)]
    [InlineData(40f)]
    [InlineData(80f)]
    public void PositiveTail_KeepsItsDigits(float x) =>
        Assert.True(Ulp.WithinForwardBound(Forward(x), LogSigmoidMath.Forward(x), 1), $"LogSigmoid({x}) = {Forward(x):R}");

    [Fact]
    public void IsMinusSoftplusOfMinusX()
    {
        float[] x = OperatorChecks.Sample();
        float[] negated = [.. x.Select(v => -v)];
        float[] logSigmoid = new float[x.Length], softplus = new float[x.Length];
        ActivationKernels.LogSigmoid(x, logSigmoid);
        ActivationKernels.Softplus(negated, softplus, 1f, float.MaxValue);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(logSigmoid[i] == -softplus[i] || Math.Abs(x[i]) >= 100f || float.IsNaN(x[i]), $"x = {x[i]:R}");
        }
    }

    // The bound LogSigmoidBackwardOperator proves for |x| ≤ 80, 2.3·2^-24 of |g| (the family's is 4), over every 512th float of
    // [−100, 100] (the moderate range, the switch at ±80 and the tail beyond), each with a gradient of its own size and sign.
    [Fact]
    public void Backward_IsWithinItsProvenBound_OverADenseSweep()
    {
        uint top = BitConverter.SingleToUInt32Bits(100f);
        float[] x = [.. Enumerable.Range(0, (int)(top / 512) + 1).SelectMany(i => new[] { BitConverter.UInt32BitsToSingle((uint)i * 512), -BitConverter.UInt32BitsToSingle((uint)i * 512) })];
        var random = new Random(3);
        float[] g = [.. x.Select(_ => (float)(((random.NextDouble() * 2) - 1) * Math.Pow(2, random.Next(-20, 20))))];
        float[] dx = new float[x.Length];
        ActivationKernels.LogSigmoidBackward(g, x, dx);
        double worst = 0;
        float worstX = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double e = Math.Abs(dx[i] - (g[i] * LogSigmoidMath.Derivative(x[i]))) / Math.Abs(g[i]) * 16777216.0;
            (worst, worstX) = e > worst ? (e, x[i]) : (worst, worstX);
        }

        Assert.True(worst <= 2.3, $"worst {worst:F3}·2^-24 of |g|, at x = {worstX:R}");
    }

    [Fact]
    public void Module_PrintsLikePyTorch() => Assert.Equal("LogSigmoid()", new LogSigmoid().ToString());

    [Fact]
    public void Functional_MatchesTheModule()
    {
        var x = new Tensor([-3f, -1f, 0f, 2f], [4]);
        var g = new Tensor([1f, -2f, 0.5f, 3f], [4]);
        var module = new LogSigmoid();
        Assert.Equal(module.Forward(x).ToArray(), Functional.LogSigmoid(x).ToArray());
        Assert.Equal(module.Backward(g).ToArray(), Functional.LogSigmoidBackward(g, x).ToArray());
    }
}
