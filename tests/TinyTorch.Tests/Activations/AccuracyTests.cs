using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

/// <summary>
/// Every activation over a dense sweep of the float32 range (every 4097th bit pattern: about a million
/// finite inputs, all binades, both signs, subnormals) against the double-precision oracle.
/// </summary>
public class AccuracyTests
{
    private const uint Stride = 4097;

    // The foundation's bounds: forward within 2 ULP where the truth is a normal float (2^-126 absolute below),
    // backward within 4·2^-24 of max(|true gradient|, |gradOutput|).
    private const double ForwardUlps = 2;
    private const double BackwardRelative = 4.0 / (1 << 24);

    private static readonly float[] Sweep = Ulp.StridedFloats(Stride).ToArray();

    public static TheoryData<string> Activations => ["ReLU", "Sigmoid", "Tanh", "GELU-Sigmoid", "GELU-Tanh", "GELU-None"];

    private static (IActivation Module, Func<double, double> F, Func<double, double> DF) Case(string name) => name switch
    {
        "ReLU" => (new ReLU(), Oracle.ReLU, x => x > 0 ? 1 : 0),
        "Sigmoid" => (new Sigmoid(), Oracle.Sigmoid, Oracle.SigmoidDerivative),
        "Tanh" => (new Tanh(), Oracle.Tanh, Oracle.TanhDerivative),
        "GELU-Sigmoid" => (new GELU(GeluApproximation.Sigmoid), Oracle.GeluSigmoid, Oracle.GeluSigmoidDerivative),
        "GELU-Tanh" => (new GELU(GeluApproximation.Tanh), Oracle.GeluTanh, Oracle.GeluTanhDerivative),
        "GELU-None" => (new GELU(GeluApproximation.None), Oracle.GeluExact, Oracle.GeluExactDerivative),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Activations))]
    public void Forward_OverTheFloatRange_IsWithinTwoUlp(string name)
    {
        (IActivation module, Func<double, double> f, _) = Case(name);
        float[] y = module.Forward(new Tensor(Sweep, [Sweep.Length])).ToArray();
        double maxUlps = name == "ReLU" ? 0 : ForwardUlps;
        var failures = new List<string>();
        for (int i = 0; i < Sweep.Length && failures.Count < 5; i++)
        {
            double truth = f(Sweep[i]);
            if (!Ulp.WithinForwardBound(y[i], truth, maxUlps))
            {
                failures.Add($"{name}({Sweep[i]:R}) = {y[i]:R}, truth {truth:R} ({Ulp.Error(y[i], truth):F1} ULP)");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Backward_OverTheFloatRange_IsWithinFourUlpOfTheScale(string name)
    {
        (IActivation module, _, Func<double, double> df) = Case(name);
        var random = new Random(2);
        float[] g = Sweep.Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();
        module.Forward(new Tensor(Sweep, [Sweep.Length]));
        float[] dx = module.Backward(new Tensor(g, [g.Length])).ToArray();
        var failures = new List<string>();
        for (int i = 0; i < Sweep.Length && failures.Count < 5; i++)
        {
            double truth = g[i] * df(Sweep[i]);
            double scale = Math.Max(Math.Abs(truth), Math.Abs(g[i]));
            if (!(Math.Abs(dx[i] - truth) <= BackwardRelative * scale))
            {
                failures.Add($"{name}'({Sweep[i]:R})·{g[i]} = {dx[i]:R}, truth {truth:R}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(1000)]
    [InlineData(4099)]
    public void Softmax_RowsSpreadOver100_AreWithinTwoUlp(int length)
    {
        var random = new Random(length);
        const int Rows = 4;
        float[] x = Enumerable.Range(0, Rows * length).Select(_ => (float)((random.NextDouble() * 200) - 100)).ToArray();
        float[] y = Functional.Softmax(new Tensor(x, [Rows, length])).ToArray();
        for (int r = 0; r < Rows; r++)
        {
            double[] truth = Oracle.Softmax(x.AsSpan(r * length, length));
            for (int i = 0; i < length; i++)
            {
                float v = y[(r * length) + i];
                Assert.True(Ulp.WithinForwardBound(v, truth[i], ForwardUlps), $"row {r}, element {i}: {v:R} vs {truth[i]:R}");
            }
        }
    }

    [Fact]
    public void SoftmaxBackward_IsWithinFourUlpOfItsScale()
    {
        var random = new Random(5);
        const int Length = 513;
        float[] x = Enumerable.Range(0, Length).Select(_ => (float)((random.NextDouble() * 40) - 20)).ToArray();
        float[] g = Enumerable.Range(0, Length).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();
        var softmax = new Softmax();
        float[] y = softmax.Forward(new Tensor(x)).ToArray();
        float[] dx = softmax.Backward(new Tensor(g)).ToArray();
        double[] truthY = Oracle.Softmax(x);
        double dot = 0, absDot = 0;
        for (int i = 0; i < Length; i++)
        {
            dot += g[i] * truthY[i];
            absDot += Math.Abs(g[i] * truthY[i]);
        }

        for (int i = 0; i < Length; i++)
        {
            double truth = truthY[i] * (g[i] - dot);
            double scale = truthY[i] * (Math.Abs(g[i]) + absDot);
            Assert.True(Math.Abs(dx[i] - truth) <= BackwardRelative * scale, $"element {i}: {dx[i]:R} vs {truth:R} (y = {y[i]:R})");
        }
    }
}
