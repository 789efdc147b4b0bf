using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels;

namespace TinyTorch.Tests.Activations;

/// <summary>
/// What is special about RReLU: random slopes in training (range, seed, reproducibility on any thread count, the
/// backward's use of the same slopes, their mean), the mean slope in evaluation, and PyTorch's semantics. The values
/// marked "PyTorch" were read from PyTorch 1.13 (torch.nn.RReLU, torch._C._nn.rrelu_with_noise, autograd).
/// </summary>
[Collection(KernelOptionsCollection.Name)]
public class RReLUTests
{
    private const float Lower = 1f / 8, Upper = 1f / 3;

    // PyTorch's evaluation slope at the defaults, (1/8 + 1/3)/2 as a float: 0.2291666716337204.
    private const float DefaultSlope = 0.2291666716337204f;

    private static readonly float[] Edges = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, 2f, -2f, -1e-30f];

    private static Tensor Filled(int n, float value) => Tensor.Full([n], value);

    [Fact]
    public void NewModule_IsInTraining_AsANewPyTorchModule()
    {
        Assert.True(new RReLU().Training);
        Assert.Equal(Lower, new RReLU().Lower);
        Assert.Equal(Upper, new RReLU().Upper);
        Assert.Empty(new RReLU().Parameters());
    }

    [Fact]
    public void Evaluation_IsLeakyReLUAtTheMeanSlope_MatchingPyTorch()
    {
        var m = new RReLU { Training = false };
        Assert.Equal(DefaultSlope, m.EvaluationSlope);
        float[] y = m.Forward(new Tensor(Edges, [Edges.Length])).ToArray();
        float[] dx = m.Backward(Tensor.Ones(Edges.Length)).ToArray();

        // PyTorch: y = [nan, inf, -inf, 0, -0, 2, -0.4583333432674408, -2.291666673933718e-31].
        Assert.True(float.IsNaN(y[0]));
        Assert.Equal([float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, 2f, -0.4583333432674408f, -2.291666673933718e-31f], y[1..]);
        Assert.True(float.IsNegative(y[4]));

        // PyTorch: the slope everywhere but x > 0, at 0 and for NaN too.
        Assert.Equal([DefaultSlope, 1f, DefaultSlope, DefaultSlope, DefaultSlope, 1f, DefaultSlope, DefaultSlope], dx);
    }

    [Fact]
    public void Training_DrawsASlopeWhereXIsAtMostZero_IncludingZero_AndKeepsOneElsewhere()
    {
        // PyTorch's _rrelu_with_noise_train tests input <= 0: ±0 and −∞ draw a slope; x > 0 and NaN keep 1.
        // PyTorch (seed 0): noise = [1, 1, 0.327, 0.272, 0.221, 1, 0.317, 0.259]; train dx = noise.
        (Tensor yt, Tensor noiseT) = Functional.RReLUWithNoise(new Tensor(Edges, [Edges.Length]), training: true, seed: 1);
        float[] y = yt.ToArray(), noise = noiseT.ToArray();
        Assert.Equal(1f, noise[0]);
        Assert.Equal(1f, noise[1]);
        Assert.Equal(1f, noise[5]);
        foreach (int i in new[] { 2, 3, 4, 6, 7 })
        {
            Assert.InRange(noise[i], Lower, Upper);
            Assert.NotEqual(1f, noise[i]);
        }

        Assert.True(float.IsNaN(y[0]));
        Assert.Equal(float.PositiveInfinity, y[1]);
        Assert.Equal(float.NegativeInfinity, y[2]);
        Assert.True(y[3] == 0f && !float.IsNegative(y[3]));
        Assert.True(y[4] == 0f && float.IsNegative(y[4]));
        Assert.Equal(2f, y[5]);
        Assert.Equal(-2f * noise[6], y[6]);
        Assert.Equal(noise, Functional.RReLUBackward(Tensor.Ones(Edges.Length), noiseT).ToArray());
    }

    [Fact]
    public void Training_Slopes_StayWithinTheBounds_ForManyDraws_AndOddBounds()
    {
        foreach ((float lower, float upper) in new[] { (Lower, Upper), (-0.5f, 0.5f), (2f, 3f), (0.3f, 0.3f), (0f, 1e-30f), (-1e30f, 1e-30f) })
        {
            (_, Tensor noise) = Functional.RReLUWithNoise(Filled(100_000, -1f), lower, upper, training: true, seed: 9);
            Assert.All(noise.ToArray(), r => Assert.InRange(r, lower, upper));
        }
    }

    [Fact]
    public void Training_IsReproducible_ForASeed_AndDiffersAcrossSeeds()
    {
        Tensor x = Filled(1000, -1f);
        var a = new RReLU(seed: 42);
        var b = new RReLU(seed: 42);
        float[] a1 = a.Forward(x).ToArray(), a2 = a.Forward(x).ToArray();
        Assert.Equal(a1, b.Forward(x).ToArray());
        Assert.Equal(a2, b.Forward(x).ToArray());
        Assert.NotEqual(a1, a2);                                   // each forward draws anew
        Assert.NotEqual(a1, new RReLU(seed: 43).Forward(x).ToArray());
        Assert.Equal(42, a.Seed);
        Assert.Null(new RReLU().Seed);

        // A module's first training forward draws what the functional form draws with the same seed.
        Assert.Equal(a1, Functional.RReLU(x, training: true, seed: 42).ToArray());
        Assert.Equal(a1, Functional.RReLU(x, training: true, seed: 42).ToArray());
    }

    [Fact]
    public void Training_SameSeed_SameSlopes_OnOneThreadAndOnFour()
    {
        var random = new Random(8);
        Tensor x = new([.. Enumerable.Range(0, 1_000_003).Select(_ => (float)(random.NextDouble() - 0.7))], [1_000_003]);
        int before = KernelOptions.MaxDegreeOfParallelism;
        try
        {
            KernelOptions.MaxDegreeOfParallelism = 1;
            (Tensor y1, Tensor n1) = Functional.RReLUWithNoise(x, training: true, seed: 5);
            KernelOptions.MaxDegreeOfParallelism = 4;
            (Tensor y4, Tensor n4) = Functional.RReLUWithNoise(x, training: true, seed: 5);
            Assert.Equal(y1.ToArray(), y4.ToArray());
            Assert.Equal(n1.ToArray(), n4.ToArray());
        }
        finally
        {
            KernelOptions.MaxDegreeOfParallelism = before;
        }
    }

    [Theory]
    [InlineData(0.125f, 0.33333334f)]
    [InlineData(-3f, 1e-20f)]
    [InlineData(0.5f, 0.5f)]
    public void Training_EveryElementsSlope_IsDrawIOfTheSeedsStream_AtEveryLength(float lower, float upper)
    {
        // The vector bodies and the scalar tail must agree: element i's slope is lower + (upper − lower)·u_i in
        // double, u_i the i-th NextDouble of SplitMix64(seed), clamped to upper and rounded once to float.
        const ulong Seed = 0xDEADBEEF;
        var random = new Random(4);
        foreach (int n in Enumerable.Range(0, 70).Append(1000).Append(4099))
        {
            float[] x = [.. Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() - 0.8))];
            float[] y = new float[n], noise = new float[n];
            ActivationKernels.RReLU(x, y, noise, lower, upper, Seed);
            var stream = new SplitMix64(Seed);
            for (int i = 0; i < n; i++)
            {
                double u = stream.NextDouble();
                float expected = x[i] <= 0 ? (float)Math.Min(lower + (((double)upper - lower) * u), upper) : 1f;
                Assert.True(expected == noise[i], $"length {n}, element {i}: slope {noise[i]:R}, expected {expected:R}");
                Assert.True(BitConverter.SingleToInt32Bits(x[i] * expected) == BitConverter.SingleToInt32Bits(y[i]), $"length {n}, element {i}");
            }
        }
    }

    [Fact]
    public void Training_Backward_MultipliesByTheSlopesOfItsForward()
    {
        var m = new RReLU(seed: 3);
        Tensor x = Filled(5000, -1f);
        float[] y = m.Forward(x).ToArray();
        float[] dx = m.Backward(Filled(5000, 2f)).ToArray();
        for (int i = 0; i < y.Length; i++)
        {
            Assert.Equal(-2f * y[i], dx[i]);   // y = −r, dx = 2r: both exact
        }

        // Backward after switching to evaluation still uses the training forward's slopes.
        m.Training = false;
        Assert.Equal(dx, m.Backward(Filled(5000, 2f)).ToArray());
    }

    [Fact]
    public void Training_MeanAndSpreadOfTheSlopes_AreTheUniformDistributions()
    {
        // 2 000 000 draws of U[1/8, 1/3] with a fixed seed: the mean's standard error is 0.06/√(2·10^6) ≈ 4.3e-5, so
        // a tolerance of 1e-3 is over 20 standard errors (and the seed makes the run deterministic anyway).
        const int N = 2_000_000;
        (_, Tensor noiseT) = Functional.RReLUWithNoise(Filled(N, -1f), training: true, seed: 2024);
        float[] noise = noiseT.ToArray();
        double mean = noise.Average(r => (double)r);
        double variance = noise.Sum(r => (r - mean) * (r - mean)) / N;
        Assert.Equal((Lower + Upper) / 2.0, mean, 1e-3);
        Assert.Equal((Upper - Lower) * (Upper - Lower) / 12.0, variance, 1e-4);

        // Ten equal bins each hold a tenth, within 0.5 % (a bin's standard error is 0.02 %).
        int[] bins = new int[10];
        foreach (float r in noise)
        {
            bins[Math.Min(9, (int)((r - Lower) / (Upper - Lower) * 10))]++;
        }

        Assert.All(bins, count => Assert.InRange(count / (double)N, 0.095, 0.105));
    }

    [Theory]
    [InlineData(0.3f, 0.1f, "lower")]                           // PyTorch: "Lower bound should be less than or equal to the upper bound"
    [InlineData(float.NaN, 0.2f, "lower")]
    [InlineData(0.1f, float.PositiveInfinity, "upper")]
    [InlineData(float.NegativeInfinity, 0.1f, "lower")]
    public void BadBounds_AreRefused_ByName(float lower, float upper, string name)
    {
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new RReLU(lower, upper)).ParamName);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => Functional.RReLU(Tensor.Ones(1), lower, upper)).ParamName);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => Functional.RReLU(Tensor.Ones(1), lower, upper, training: true, seed: 1)).ParamName);
    }

    [Fact]
    public void LowerAboveUpper_SaysSoInPyTorchsWords() =>
        Assert.StartsWith(
            "Lower bound should be less than or equal to the upper bound",
            Assert.Throws<ArgumentOutOfRangeException>(() => new RReLU(0.3f, 0.1f)).Message,
            StringComparison.Ordinal);

    [Fact]
    public void NegativeAndAboveOneBounds_AreAllowed_AsPyTorch()
    {
        // PyTorch: RReLU(-0.5, 0.5)(-1) and RReLU(2, 3)(-1) run (-0.29 and -2.18 with its seed).
        var symmetric = new RReLU(-0.5f, 0.5f, seed: 1);
        Assert.Equal(0f, symmetric.EvaluationSlope);
        float[] y = symmetric.Forward(Filled(1000, -1f)).ToArray();
        Assert.Contains(y, v => v > 0);   // a negative slope turns −1 positive
        Assert.Contains(y, v => v < 0);
        Assert.InRange(new RReLU(2f, 3f, seed: 1).Forward(Tensor.Full([1], -1f)).Item(), -3f, -2f);
    }

    [Fact]
    public void ToString_IsPyTorchsRepr()
    {
        // PyTorch 1.13: repr(torch.nn.RReLU()), RReLU(0.1, 0.3), RReLU(1e-5, 2.0), RReLU(-0.5, 0.5).
        Assert.Equal("RReLU(lower=0.125, upper=0.3333333333333333)", new RReLU().ToString());
        Assert.Equal("RReLU(lower=0.1, upper=0.3)", new RReLU(0.1f, 0.3f).ToString());
        Assert.Equal("RReLU(lower=1e-05, upper=2.0)", new RReLU(1e-5f, 2f).ToString());
        Assert.Equal("RReLU(lower=-0.5, upper=0.5)", new RReLU(-0.5f, 0.5f).ToString());
        // The float next to 1/3 is no rounding of PyTorch's default: its shortest digits.
        Assert.Equal("RReLU(lower=0.125, upper=0.33333337)", new RReLU(upper: MathF.BitIncrement(1f / 3)).ToString());
    }

    public static TheoryData<bool> Modes => [true, false];

    private static Tensor Mixed(int seed)
    {
        var random = new Random(seed);
        float[] data = [.. Enumerable.Range(0, 3 * 37).Select(_ => (float)((random.NextDouble() * 20) - 10))];
        Edges.CopyTo(data, 0);
        return new Tensor(data, [3, 37]);
    }

    private static int[] Bits(Tensor t) => [.. t.ToArray().Select(BitConverter.SingleToInt32Bits)];

    [Theory]
    [MemberData(nameof(Modes))]
    public void ForwardIntoOutput_EqualsForwardBitForBit_LeavesXAlone_AndBackwardFollowsIt(bool training)
    {
        // Two modules of one seed draw the same slopes for their first training forward.
        var allocating = new RReLU(seed: 5) { Training = training };
        var into = new RReLU(seed: 5) { Training = training };
        Tensor x = Mixed(1), g = Mixed(2);
        float[] before = x.ToArray();
        Tensor expected = allocating.Forward(x);

        Tensor output = Tensor.Full([3, 37], float.NaN);   // every element must be overwritten
        Assert.Same(output, into.Forward(x, output));

        Assert.Equal(Bits(expected), Bits(output));
        Assert.Equal(before, x.ToArray());
        Assert.Equal(Bits(allocating.Backward(g)), Bits(into.Backward(g)));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void ForwardIntoOutput_ReusedAcrossCalls_DrawsAsForwardDoes_AndBackwardFollowsTheLatest(bool training)
    {
        var allocating = new RReLU(seed: 9) { Training = training };
        var into = new RReLU(seed: 9) { Training = training };
        Tensor output = Tensor.Full([3, 37], float.NaN), g = Mixed(3);
        allocating.Forward(Mixed(1));
        into.Forward(Mixed(1), output);
        Tensor expected = allocating.Forward(Mixed(2));   // training: the module's second draw, on both sides
        into.Forward(Mixed(2), output);

        Assert.Equal(Bits(expected), Bits(output));
        Assert.Equal(Bits(allocating.Backward(g)), Bits(into.Backward(g)));
    }

    [Theory]
    [InlineData(true, 1f / 8, 1f / 3)]
    [InlineData(false, 1f / 8, 1f / 3)]
    [InlineData(false, -0.5f, 0.5f)]   // evaluation slope 0: y > 0 still exactly where x > 0
    [InlineData(true, -0.5f, -0.25f)]  // training reads only the drawn slopes, whatever their sign
    public void ForwardIntoItself_EqualsForward_AndBackwardStillWorks(bool training, float lower, float upper)
    {
        var reference = new RReLU(lower, upper, seed: 3) { Training = training };
        var inPlace = new RReLU(lower, upper, seed: 3) { Training = training };
        Tensor g = Mixed(2);
        Tensor expected = reference.Forward(Mixed(1));

        Tensor x = Mixed(1);
        Assert.Same(x, inPlace.Forward(x, x));

        Assert.Equal(Bits(expected), Bits(x));
        Assert.Equal(Bits(reference.Backward(g)), Bits(inPlace.Backward(g)));
    }

    [Fact]
    public void ForwardIntoItself_InEvaluationWithANegativeSlope_IsRefused_AndNothingIsWrittenOrSaved()
    {
        // The saved tensor would hold y, whose sign is not x's under a negative slope (PyTorch's in-place leaky_relu_
        // refuses a negative slope for the same reason).
        var m = new RReLU(-0.5f, -0.25f) { Training = false };
        Tensor x = Mixed(1);
        float[] before = x.ToArray();
        var e = Assert.Throws<ArgumentException>(() => m.Forward(x, x));
        Assert.Equal("output", e.ParamName);
        Assert.StartsWith("RReLU in evaluation saves its input for Backward, and with a negative slope (-0.375)", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, x.ToArray());
        Assert.Throws<InvalidOperationException>(() => m.Backward(Mixed(2)));
        Assert.Equal(Bits(Functional.LeakyReLU(Mixed(1), -0.375f)), Bits(m.Forward(Mixed(1), Tensor.Zeros(3, 37))));   // into another tensor: fine
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void ForwardIntoOutput_WithWrongShapeOrNull_IsRefused_NamingBothShapes_AndDrawsNothing(bool training)
    {
        var m = new RReLU(seed: 4) { Training = training };
        Tensor output = Tensor.Full([37, 3], float.NaN);
        var e = Assert.Throws<ArgumentException>(() => m.Forward(Mixed(1), output));
        Assert.Equal("output", e.ParamName);
        Assert.Contains("(37, 3)", e.Message);
        Assert.Contains("(3, 37)", e.Message);
        Assert.All(output.ToArray(), v => Assert.True(float.IsNaN(v)));
        Assert.Throws<InvalidOperationException>(() => m.Backward(Mixed(2)));
        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => m.Forward(Mixed(1), null!)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => m.Forward(null!, Mixed(1))).ParamName);

        // The refused calls used no forward number: the first accepted one draws what a fresh module's first draws.
        Assert.Equal(Bits(new RReLU(seed: 4) { Training = training }.Forward(Mixed(1))), Bits(m.Forward(Mixed(1), Tensor.Zeros(3, 37))));
    }

    [Fact]
    public void Functional_Evaluation_IsTheDefault_AndItsNoiseGivesTheLeakyGradient()
    {
        Tensor x = new(Edges, [Edges.Length]);
        Assert.Equal(Functional.LeakyReLU(x, DefaultSlope).ToArray(), Functional.RReLU(x).ToArray());
        (Tensor y, Tensor noise) = Functional.RReLUWithNoise(x);
        Assert.Equal(Functional.LeakyReLU(x, DefaultSlope).ToArray(), y.ToArray());
        Tensor g = new([.. Enumerable.Range(0, Edges.Length).Select(i => i - 3.5f)], [Edges.Length]);
        Assert.Equal(Functional.LeakyReLUBackward(g, x, DefaultSlope).ToArray(), Functional.RReLUBackward(g, noise).ToArray());
    }

    [Fact]
    public void Kernel_RefusesNoiseOverlappingTheOutput()
    {
        float[] x = new float[8], y = new float[8];
        Assert.Equal("noise", Assert.Throws<ArgumentException>(() => ActivationKernels.RReLU(x, y, y, Lower, Upper, 1)).ParamName);
        Assert.Equal("noise", Assert.Throws<ArgumentException>(() => ActivationKernels.RReLU(x, y, new float[4], Lower, Upper, 1)).ParamName);
    }

    [Fact]
    public void SharedModule_EightThreads_EachBackwardUsesItsOwnForwardsSlopes()
    {
        const int Threads = 8, Pairs = 500;
        var m = new RReLU(seed: 11);
        int mismatches = 0;
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < Pairs; i++)
            {
                // x = −1: y = −r and dx = r·1, so dx = −y exactly when Backward used this forward's slopes.
                Tensor x = Filled(50 + t, -1f);
                float[] y = m.Forward(x).ToArray();
                float[] dx = m.Backward(Filled(50 + t, 1f)).ToArray();
                if (!y.Select(v => -v).SequenceEqual(dx))
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        })).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Backward_OnAThreadThatRanNoForward_SaysHowToFixIt()
    {
        var m = new RReLU(seed: 1);
        m.Forward(Tensor.Full([4], -1f));
        Exception? error = null;
        var other = new Thread(() => error = Record.Exception(() => m.Backward(Tensor.Ones(4))));
        other.Start();
        other.Join();
        Assert.IsType<InvalidOperationException>(error);
        Assert.Contains("RReLU.Backward was called on a thread that ran no Forward", error.Message, StringComparison.Ordinal);
        Assert.Equal([4], m.Backward(Tensor.Ones(4)).Shape);   // this thread's pair is still there
    }
}
