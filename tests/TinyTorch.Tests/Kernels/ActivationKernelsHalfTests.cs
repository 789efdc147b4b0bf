using System.Reflection;
using TinyTorch.Activations.Reference;
using TinyTorch.Catalog;
using TinyTorch.Core;
using TinyTorch.Kernels;

namespace TinyTorch.Tests.Kernels;

/// <summary>
/// The Half overloads: correctly rounded for all 65 536 Half inputs, each result compared with the catalog's float64
/// reference rounded to Half ((Half)double rounds correctly), and the same everywhere else the float kernels are.
/// </summary>
public class ActivationKernelsHalfTests
{
    private delegate void HalfForward(ReadOnlySpan<Half> x, Span<Half> destination);

    private delegate void HalfBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> saved, Span<Half> destination);

    private static readonly float RReLUSlope = ActivationKernels.RReLUEvaluationSlope(1f / 8, 1f / 3);

    /// <summary>Every catalog variant's Half kernels, at the catalog's parameters.</summary>
    private static readonly Dictionary<string, (HalfForward Forward, HalfBackward Backward)> Kernels = new()
    {
        ["relu"] = (ActivationKernels.ReLU, ActivationKernels.ReLUBackward),
        ["sigmoid"] = (ActivationKernels.Sigmoid, ActivationKernels.SigmoidBackward),
        ["tanh"] = (ActivationKernels.Tanh, ActivationKernels.TanhBackward),
        ["gelu"] = ((x, d) => ActivationKernels.GELU(x, d), (g, x, d) => ActivationKernels.GELUBackward(g, x, d)),
        ["gelu-tanh"] = ((x, d) => ActivationKernels.GELU(x, d, GeluApproximation.Tanh), (g, x, d) => ActivationKernels.GELUBackward(g, x, d, GeluApproximation.Tanh)),
        ["gelu-exact"] = ((x, d) => ActivationKernels.GELU(x, d, GeluApproximation.None), (g, x, d) => ActivationKernels.GELUBackward(g, x, d, GeluApproximation.None)),
        ["celu"] = ((x, d) => ActivationKernels.CELU(x, d), (g, x, d) => ActivationKernels.CELUBackward(g, x, d)),
        ["elu"] = ((x, d) => ActivationKernels.ELU(x, d), (g, x, d) => ActivationKernels.ELUBackward(g, x, d)),
        ["selu"] = (ActivationKernels.SELU, ActivationKernels.SELUBackward),
        ["leakyrelu"] = ((x, d) => ActivationKernels.LeakyReLU(x, d), (g, x, d) => ActivationKernels.LeakyReLUBackward(g, x, d)),
        ["rrelu"] = ((x, d) => ActivationKernels.LeakyReLU(x, d, RReLUSlope), (g, x, d) => ActivationKernels.LeakyReLUBackward(g, x, d, RReLUSlope)),
        ["prelu"] = ((x, d) => ActivationKernels.PReLU(x, d, [(Half)0.25f], 1), (g, x, d) => ActivationKernels.PReLUBackward(g, x, d, [(Half)0.25f], 1, new Half[1])),
        ["hardtanh"] = ((x, d) => ActivationKernels.Hardtanh(x, d), (g, y, d) => ActivationKernels.HardtanhBackward(g, y, d)),
        ["relu6"] = (ActivationKernels.ReLU6, ActivationKernels.ReLU6Backward),
        ["hardsigmoid"] = (ActivationKernels.Hardsigmoid, ActivationKernels.HardsigmoidBackward),
        ["hardswish"] = (ActivationKernels.Hardswish, ActivationKernels.HardswishBackward),
        ["hardshrink"] = ((x, d) => ActivationKernels.Hardshrink(x, d), (g, x, d) => ActivationKernels.HardshrinkBackward(g, x, d)),
        ["softshrink"] = ((x, d) => ActivationKernels.Softshrink(x, d), (g, x, d) => ActivationKernels.SoftshrinkBackward(g, x, d)),
        ["threshold"] = ((x, d) => ActivationKernels.Threshold(x, d, (float)ThresholdMath.ExampleThreshold, (float)ThresholdMath.ExampleValue),
            (g, x, d) => ActivationKernels.ThresholdBackward(g, x, d, (float)ThresholdMath.ExampleThreshold)),
        ["silu"] = (ActivationKernels.SiLU, ActivationKernels.SiLUBackward),
        ["mish"] = (ActivationKernels.Mish, ActivationKernels.MishBackward),
        ["softplus"] = ((x, d) => ActivationKernels.Softplus(x, d), (g, x, d) => ActivationKernels.SoftplusBackward(g, x, d)),
        ["softsign"] = (ActivationKernels.Softsign, ActivationKernels.SoftsignBackward),
        ["logsigmoid"] = (ActivationKernels.LogSigmoid, ActivationKernels.LogSigmoidBackward),
        ["squaredrelu"] = (ActivationKernels.SquaredReLU, ActivationKernels.SquaredReLUBackward),
        ["tanhshrink"] = (ActivationKernels.Tanhshrink, ActivationKernels.TanhshrinkBackward),
    };

    /// <summary>Gradients for the backward sweeps: 1 (the slope itself), and values that move the result across binades.</summary>
    private static readonly Half[] Gradients = [(Half)1f, (Half)(-0.375f), (Half)3.140625f, (Half)1000f, (Half)0.00146484375f];

    public static TheoryData<string> Keys => [.. Kernels.Keys];

    private static Half[] AllHalves()
    {
        var all = new Half[65536];
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = BitConverter.UInt16BitsToHalf((ushort)i);
        }

        return all;
    }

    private static bool SameAsRounded(Half actual, double truth)
    {
        Half expected = (Half)truth;
        return Half.IsNaN(expected) ? Half.IsNaN(actual) : actual == expected;
    }

    [Fact]
    public void EveryElementwiseCatalogVariantHasHalfKernelsHere()
    {
        string[] missing = [.. ActivationCatalog.Variants.Where(v => v.IsElementwise && !Kernels.ContainsKey(v.Key)).Select(v => v.Key)];
        Assert.True(missing.Length == 0, "no Half kernels tested for " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void ForwardIsCorrectlyRoundedForEveryHalfInput(string key)
    {
        ActivationVariant variant = ActivationCatalog.FindVariant(key)!;
        Half[] x = AllHalves();
        var y = new Half[x.Length];
        Kernels[key].Forward(x, y);
        var wrong = new List<string>();
        for (int i = 0; i < x.Length; i++)
        {
            double truth = variant.Reference!((double)x[i]);
            if (!SameAsRounded(y[i], truth))
            {
                wrong.Add($"x = {x[i]} (0x{i:X4}): got {y[i]}, expected {(Half)truth} (truth {truth:R})");
            }
        }

        Assert.True(wrong.Count == 0, $"{key}: {wrong.Count} of 65536 misrounded\n" + string.Join("\n", wrong.Take(20)));
    }

    /// <summary>
    /// Why the adapter has a fix-up: rounding the float kernel's result straight to Half misrounds some inputs (a
    /// float result within a float ULP of the truth can sit across a Half midpoint from it). Measured over all 65 536
    /// Halfs: Sigmoid 7, LeakyReLU 20 (0.01·x is rounded to float first), RReLU's evaluation slope 1354, SiLU's backward 12.
    /// </summary>
    [Theory]
    [InlineData("sigmoid")]
    [InlineData("leakyrelu")]
    public void RoundingTheFloatResultStraightToHalfMisroundsSomeInputsWhichTheHalfKernelDoesNot(string key)
    {
        ActivationVariant variant = ActivationCatalog.FindVariant(key)!;
        Half[] x = AllHalves();
        float[] wide = [.. x.Select(h => (float)h)];
        var y = new float[wide.Length];
        variant.Forward!(wide, y);
        var ours = new Half[x.Length];
        Kernels[key].Forward(x, ours);
        int naive = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double truth = variant.Reference!((double)x[i]);
            naive += SameAsRounded((Half)y[i], truth) ? 0 : 1;
            Assert.True(SameAsRounded(ours[i], truth), $"{key}({x[i]})");
        }

        Assert.True(naive > 0, $"{key}: the float result rounded to Half was right everywhere; this test no longer shows the trap");
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void BackwardIsCorrectlyRoundedForEverySavedHalfAtSeveralGradients(string key)
    {
        ActivationVariant variant = ActivationCatalog.FindVariant(key)!;
        Half[] saved = AllHalves();
        var g = new Half[saved.Length];
        var dx = new Half[saved.Length];
        var wrong = new List<string>();
        foreach (Half gradient in Gradients)
        {
            Array.Fill(g, gradient);
            Kernels[key].Backward(g, saved, dx);
            for (int i = 0; i < saved.Length; i++)
            {
                bool outOfRange = variant.Saves == SavedForBackward.Output
                    && !((double)saved[i] >= variant.Minimum && (double)saved[i] <= variant.Maximum);
                if (Half.IsNaN(saved[i]) || outOfRange)
                {
                    continue;   // NaN rules are the float kernels' (tested there); an output-saving backward needs an output
                }

                double truth = BackwardTruth(key, variant, (double)gradient, (double)saved[i]);
                if (!SameAsRounded(dx[i], truth))
                {
                    wrong.Add($"g = {gradient}, saved = {saved[i]} (0x{i:X4}): got {dx[i]}, expected {(Half)truth} (truth {truth:R})");
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{key}: {wrong.Count} misrounded\n" + string.Join("\n", wrong.Take(20)));
    }

    /// <summary>
    /// The truth of a backward: gradOutput · f′(x) from the catalog's derivative where the forward saves its input;
    /// where it saves its output y, f′ written in y (exact in double for Half y).
    /// </summary>
    private static double BackwardTruth(string key, ActivationVariant variant, double g, double s) => key switch
    {
        "sigmoid" => g * (s * (1 - s)),
        "tanh" => g * ((1 - s) * (1 + s)),
        "relu" => s > 0 ? g : 0 * g,
        "hardtanh" => s > -1 && s < 1 ? g : 0 * g,
        "relu6" => s > 0 && s < 6 ? g : 0 * g,
        _ => g * variant.ReferenceDerivative!(s),
    };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 1)]
    [InlineData(1000, 1)]
    [InlineData(5, 12)]
    [InlineData(64, 3)]
    public void SoftmaxIsCorrectlyRoundedAgainstTheFloat64Softmax(int axisLength, int stride)
    {
        var random = new Random(axisLength * 31 + stride);
        int outer = 40;
        int n = outer * axisLength * stride;
        Half[] x = [.. Enumerable.Range(0, n).Select(_ => (Half)((random.NextDouble() - 0.5) * 16))];
        Half[] g = [.. Enumerable.Range(0, n).Select(_ => (Half)((random.NextDouble() - 0.5) * 4))];
        var y = new Half[n];
        var dx = new Half[n];
        ActivationKernels.SoftmaxStrided(x, y, axisLength, stride);
        ActivationKernels.SoftmaxStridedBackward(g, y, dx, axisLength, stride);
        float[] xf = [.. x.Select(h => (float)h)], yf = [.. y.Select(h => (float)h)], gf = [.. g.Select(h => (float)h)];
        var wrong = new List<string>();
        for (int o = 0; o < outer; o++)
        {
            for (int c = 0; c < stride; c++)
            {
                int start = (o * axisLength * stride) + c;
                double max = Enumerable.Range(0, axisLength).Max(j => (double)xf[start + (j * stride)]);
                double sum = Enumerable.Range(0, axisLength).Sum(j => Math.Exp(xf[start + (j * stride)] - max));
                double dot = Enumerable.Range(0, axisLength).Sum(j => (double)gf[start + (j * stride)] * yf[start + (j * stride)]);
                for (int j = 0; j < axisLength; j++)
                {
                    int i = start + (j * stride);
                    if (!SameAsRounded(y[i], Math.Exp(xf[i] - max) / sum))
                    {
                        wrong.Add($"forward [{i}]: got {y[i]}, truth {Math.Exp(xf[i] - max) / sum:R}");
                    }

                    if (!SameAsRounded(dx[i], yf[i] * (gf[i] - dot)))
                    {
                        wrong.Add($"backward [{i}]: got {dx[i]}, truth {yf[i] * (gf[i] - dot):R}");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} misrounded\n" + string.Join("\n", wrong.Take(20)));
    }

    /// <summary>
    /// Softmax's backward cancels where gradOutput[i] is close to Σ g·y: with every gradient near 1, dx = y ⊙ (g − Σ g·y)
    /// is a small difference of numbers near 1, and the float result is far from the truth in its own ULPs.
    /// </summary>
    [Fact]
    public void SoftmaxBackwardIsCorrectlyRoundedWhereTheGradientCancelsItsMean()
    {
        var random = new Random(11);
        const int Rows = 200, Length = 37;
        int n = Rows * Length;
        Half[] x = [.. Enumerable.Range(0, n).Select(_ => (Half)((random.NextDouble() - 0.5) * 6))];
        Half[] g = [.. Enumerable.Range(0, n).Select(_ => (Half)(1 + ((random.Next(9) - 4) / 1024.0)))];
        var y = new Half[n];
        var dx = new Half[n];
        ActivationKernels.Softmax(x, y, Length);
        ActivationKernels.SoftmaxBackward(g, y, dx, Length);
        var wrong = new List<string>();
        for (int r = 0; r < Rows; r++)
        {
            double dot = Enumerable.Range(r * Length, Length).Sum(i => (double)g[i] * (double)y[i]);
            for (int i = r * Length; i < (r + 1) * Length; i++)
            {
                double truth = (double)y[i] * ((double)g[i] - dot);
                if (!SameAsRounded(dx[i], truth))
                {
                    wrong.Add($"[{i}]: got {dx[i]}, truth {truth:R}");
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {n} misrounded\n" + string.Join("\n", wrong.Take(10)));
    }

    [Fact]
    public void SoftmaxRowsAgreeWithTheStridedFormAndSumToAboutOne()
    {
        Half[] x = [.. Enumerable.Range(0, 24).Select(i => (Half)(i * 0.37f - 3))];
        var rows = new Half[24];
        var strided = new Half[24];
        ActivationKernels.Softmax(x, rows, 6);
        ActivationKernels.SoftmaxStrided(x, strided, 6, 1);
        Assert.Equal(rows, strided);
        Assert.Equal(1.0, Enumerable.Range(0, 6).Sum(j => (double)rows[j]), 2e-3);
        var g = Enumerable.Repeat((Half)1f, 24).ToArray();
        var dx = new Half[24];
        ActivationKernels.SoftmaxBackward(g, rows, dx, 6);
        Assert.All(dx, v => Assert.True(Math.Abs((double)v) < 1e-3));   // a constant gradient has no effect on softmax
    }

    /// <summary>Long inputs take the threaded path and the chunk loop; every element must be what a short call gives.</summary>
    [Fact]
    public void ALongCallEqualsElementwiseShortCallsInPlaceAndOut()
    {
        int n = 300_000 + 7;
        var random = new Random(5);
        Half[] x = [.. Enumerable.Range(0, n).Select(_ => (Half)((random.NextDouble() - 0.5) * 20))];
        var y = new Half[n];
        ActivationKernels.GELU(x, y);
        var one = new Half[1];
        for (int i = 0; i < n; i += 997)
        {
            ActivationKernels.GELU(x.AsSpan(i, 1), one);
            Assert.Equal(one[0], y[i]);
        }

        Half[] copy = [.. x];
        ActivationKernels.GELU(copy, copy);
        Assert.Equal(y, copy);

        Half[] g = [.. Enumerable.Range(0, n).Select(_ => (Half)((random.NextDouble() - 0.5) * 4))];
        var dx = new Half[n];
        ActivationKernels.SiLUBackward(g, x, dx);
        ActivationKernels.SiLUBackward(g, x, g);   // in place over the gradient
        Assert.Equal(dx, g);
    }

    // NOTE: ReLU, as the float test: in a Debug build the heavy float operators' loop allocates (Sigmoid's float kernel
    // too, 18 KB a call); in Release Sigmoid's Half kernel allocates nothing either.
    [Fact]
    public void ASingleThreadedCallAllocatesNothing()
    {
        var x = new Half[4096];
        var y = new Half[4096];
        ActivationKernels.ReLU(x, y);
        ActivationKernels.ReLUBackward(x, y, y);
        long before = GC.GetAllocatedBytesForCurrentThread();
        ActivationKernels.ReLU(x, y);
        ActivationKernels.ReLUBackward(x, y, y);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void BadArgumentsAreRejectedWithTheParameterNames()
    {
        var e = Assert.Throws<ArgumentException>(() => ActivationKernels.Tanh(new Half[10], new Half[9]));
        Assert.Equal("destination", e.ParamName);
        Assert.Contains("too short", e.Message);
        e = Assert.Throws<ArgumentException>(() => ActivationKernels.SigmoidBackward(new Half[8], new Half[7], new Half[8]));
        Assert.Equal("output", e.ParamName);
        Half[] buffer = new Half[20];
        e = Assert.Throws<ArgumentException>(() => ActivationKernels.ReLU(buffer.AsSpan(0, 10), buffer.AsSpan(1, 10)));
        Assert.Contains("destination partially overlaps x (offset 1 elements)", e.Message);
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.ELU(new Half[4], new Half[4], float.NaN));
        Assert.Equal("alpha", range.ParamName);
        e = Assert.Throws<ArgumentException>(() => ActivationKernels.Softmax(new Half[10], new Half[10], 3));
        Assert.Equal("x", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.GELU(new Half[4], new Half[4], (GeluApproximation)99));
    }

    /// <summary>
    /// Each Half overload is its float twin's contract over Half: the same name, the same parameter names and defaults,
    /// so the exceptions the shared checks throw name the same parameters (the float reflection test covers those).
    /// </summary>
    [Fact]
    public void EveryFloatKernelHasAHalfTwinWithTheSameParameters()
    {
        MethodInfo[] all = typeof(ActivationKernels).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
        var problems = new List<string>();
        foreach (MethodInfo single in all.Where(m => m.GetParameters() is [{ ParameterType: var t }, ..] && t == typeof(ReadOnlySpan<float>)))
        {
            string signature = Describe(single, typeof(float));
            if (!all.Any(m => m.Name == single.Name && Describe(m, typeof(Half)) == signature))
            {
                problems.Add($"{single.Name}: no Half overload ({signature})");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Describe(MethodInfo method, Type element) => string.Join(", ", method.GetParameters().Select(p =>
    {
        Type type = p.ParameterType;
        string name = type.IsGenericType && type.GetGenericArguments()[0] == element
            ? type.GetGenericTypeDefinition().Name
            : type.IsGenericType ? "other" : type.Name;
        return $"{name} {p.Name}{(p.HasDefaultValue ? " = " + p.DefaultValue : "")}";
    }));

    [Fact]
    public void RReLUHalfDrawsTheFloatOverloadsSlopesRoundedToHalf()
    {
        Half[] x = [.. Enumerable.Range(0, 5000).Select(i => (Half)((i % 11) - 6f))];
        var y = new Half[x.Length];
        var noise = new Half[x.Length];
        ActivationKernels.RReLU(x, y, noise, 0.125f, 0.3f, 42);
        float[] xf = [.. x.Select(h => (float)h)];
        var yf = new float[x.Length];
        var noiseF = new float[x.Length];
        ActivationKernels.RReLU(xf, yf, noiseF, 0.125f, 0.3f, 42);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal((Half)noiseF[i], noise[i]);
            Assert.Equal((Half)((double)x[i] * (double)noise[i]), y[i]);
        }

        var dx = new Half[x.Length];
        ActivationKernels.RReLUBackward(x, noise, dx);
        Assert.Equal(x.Zip(noise).Select(p => (Half)((double)p.First * (double)p.Second)), dx);
    }

    [Fact]
    public void PReLUHalfUsesEachChannelsSlope()
    {
        // [2 outer, 3 channels, 2 inner]
        Half[] x = [.. Enumerable.Range(0, 12).Select(i => (Half)(i % 2 == 0 ? -1f - i : 1f + i))];
        Half[] w = [(Half)0.5f, (Half)0.25f, (Half)(-2f)];
        var y = new Half[12];
        ActivationKernels.PReLU(x, y, w, 2);
        for (int i = 0; i < 12; i++)
        {
            double slope = (double)w[(i / 2) % 3];
            Assert.Equal((Half)((double)x[i] > 0 ? (double)x[i] : slope * (double)x[i]), y[i]);
        }

        var g = Enumerable.Repeat((Half)1f, 12).ToArray();
        var dx = new Half[12];
        var dw = new Half[3];
        ActivationKernels.PReLUBackward(g, x, dx, w, 2, dw);
        for (int c = 0; c < 3; c++)
        {
            double expected = Enumerable.Range(0, 12).Where(i => (i / 2) % 3 == c && (double)x[i] <= 0).Sum(i => (double)x[i]);
            Assert.Equal((Half)expected, dw[c]);
        }
    }
}
