using System.Numerics;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels;
using TinyTorch.Tests.Kernels.Operators;

namespace TinyTorch.Tests.Activations;

/// <summary>
/// What is special about PReLU: a learned slope per channel (dim 1), gradient accumulation into Weight.Grad, the
/// weight gradient's sum, and PyTorch's semantics. The values marked "PyTorch" were read from PyTorch 1.13
/// (torch.nn.PReLU, autograd) and written here as constants.
/// </summary>
[Collection(KernelOptionsCollection.Name)]
public class PReLUTests
{
    // ---- the test inputs of the PyTorch cases: x = (i − n/2)·0.5, g = i mod 5 − 2 ----

    private static Tensor X(params int[] shape)
    {
        int n = shape.Aggregate(1, (a, b) => a * b);
        return new Tensor([.. Enumerable.Range(0, n).Select(i => (i - (n / 2)) * 0.5f)], shape);
    }

    private static Tensor G(params int[] shape)
    {
        int n = shape.Aggregate(1, (a, b) => a * b);
        return new Tensor([.. Enumerable.Range(0, n).Select(i => (float)((i % 5) - 2))], shape);
    }

    private static PReLU Module(params float[] weight)
    {
        var module = new PReLU(weight.Length);
        weight.CopyTo(module.Weight.AsSpan());
        return module;
    }

    [Fact]
    public void OneDim_OneSlope_MatchesPyTorch()
    {
        PReLU m = Module(0.25f);
        Assert.Equal([-0.25f, -0.125f, 0f, 0.5f, 1f], m.Forward(X(5)).ToArray());
        Assert.Equal([-0.5f, -0.25f, 0f, 1f, 2f], m.Backward(G(5)).ToArray());
        Assert.Equal([2.5f], m.Weight.Grad!.ToArray());   // PyTorch
    }

    [Fact]
    public void TwoDim_ChannelIsDim1_MatchesPyTorch()
    {
        PReLU m = Module(0.1f, -0.2f, 0.3f);
        float[] y = m.Forward(X(2, 3)).ToArray();
        float[] dx = m.Backward(G(2, 3)).ToArray();
        // PyTorch: y = [-0.15, 0.2, -0.15, 0, 0.5, 1], dx = [-0.2, 0.2, 0, 0.1, 2, -2], dw = [3, 1, 0].
        Assert.Equal([-1.5f * 0.1f, -1f * -0.2f, -0.5f * 0.3f, 0f, 0.5f, 1f], y);
        Assert.Equal([-2f * 0.1f, -1f * -0.2f, 0f * 0.3f, 1f * 0.1f, 2f, -2f], dx);   // the slope at x = 0
        Assert.Equal([3f, 1f, 0f], m.Weight.Grad!.ToArray());
    }

    [Theory]
    [InlineData(new[] { 2, 3, 4 })]
    [InlineData(new[] { 2, 3, 2, 2 })]
    public void ThreeAndFourDim_ChannelIsDim1_MatchPyTorch(int[] shape)
    {
        PReLU m = Module(0.1f, -0.2f, 0.3f);
        float[] y = m.Forward(X(shape)).ToArray();
        float[] dx = m.Backward(G(shape)).ToArray();
        // PyTorch, for both shapes (inner = 4 either way).
        Assert.Equal(13f, m.Weight.Grad![0]);
        Assert.Equal(2f, m.Weight.Grad[1]);
        Assert.Equal(-2.5f, m.Weight.Grad[2]);
        Assert.Equal(-0.6f, y[0]);            // -6·0.1 (PyTorch -0.6000000238418579)
        Assert.Equal(0.8f, y[4]);             // -4·-0.2
        Assert.Equal(-0.45000002f, y[9]);     // -1.5·0.3, PyTorch -0.45000001788139343
        Assert.True(float.IsNegative(dx[7]) && dx[7] == 0f, "dx[7] = 0·-0.2 is −0, as PyTorch");
        Assert.Equal(0.6f, dx[9]);            // g = 2 at x < 0 in channel 2: 2·0.3 (PyTorch 0.6000000238418579)
    }

    [Fact]
    public void OneSlope_Ignores_TheChannelDim()
    {
        PReLU m = Module(0.5f);
        m.Forward(X(2, 3, 2, 2));
        m.Backward(G(2, 3, 2, 2));
        Assert.Equal([12.5f], m.Weight.Grad!.ToArray());   // PyTorch
    }

    [Fact]
    public void EdgeValues_MatchPyTorch()
    {
        // PyTorch: nn.PReLU()(x) and autograd with g = 1, for x = [NaN, ∞, −∞, 0, −0, 2, −2].
        PReLU m = new();
        float[] y = m.Forward(new Tensor([float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, 2f, -2f], [7])).ToArray();
        float[] dx = m.Backward(Tensor.Ones(7)).ToArray();
        Assert.True(float.IsNaN(y[0]));
        Assert.Equal([float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, 2f, -0.5f], y[1..]);
        Assert.True(float.IsNegative(y[4]), "PReLU(−0) = −0·0.25 = −0");
        Assert.Equal([0.25f, 1f, 0.25f, 0.25f, 0.25f, 1f, 0.25f], dx);   // the slope at 0 and for NaN
        Assert.True(float.IsNaN(m.Weight.Grad![0]), "a NaN input makes dL/dweight NaN, as PyTorch");
    }

    [Fact]
    public void WeightGradient_AtZero_IsZero_AndInfinityTimesZeroGradient_IsNaN()
    {
        // PyTorch: x = [0, −0, −3, 1], g = 1 → dw = −3; x = −∞, g = 0 → dw = NaN, dx = 0.
        PReLU m = new();
        m.Forward(new Tensor([0f, -0f, -3f, 1f], [4]));
        m.Backward(Tensor.Ones(4));
        Assert.Equal(-3f, m.Weight.Grad![0]);

        PReLU inf = new();
        inf.Forward(new Tensor([float.NegativeInfinity], [1]));
        Assert.Equal([0f], inf.Backward(Tensor.Zeros(1)).ToArray());
        Assert.True(float.IsNaN(inf.Weight.Grad![0]));
    }

    [Fact]
    public void InfiniteGradient_WherePositive_LeavesTheWeightGradientAlone()
    {
        // PyTorch computes x > 0 ? 0 : x·g: an infinite g at a positive x adds nothing (0·∞ would be NaN).
        PReLU m = new();
        m.Forward(new Tensor([.. Enumerable.Repeat(1f, 40), -2f], [41]));
        m.Backward(new Tensor([.. Enumerable.Repeat(float.PositiveInfinity, 40), 3f], [41]));
        Assert.Equal(-6f, m.Weight.Grad![0]);
    }

    [Fact]
    public void Backward_Twice_AccumulatesIntoWeightGrad()
    {
        // PyTorch: PReLU(2) on [[-1, 2], [-3, -4]], y.sum().backward() twice: grad [-4, -4], then [-8, -8].
        var m = new PReLU(2);
        Assert.Null(m.Weight.Grad);
        var x = new Tensor(new float[,] { { -1f, 2f }, { -3f, -4f } });
        m.Forward(x);
        m.Backward(Tensor.Ones(2, 2));
        Assert.Equal([-4f, -4f], m.Weight.Grad!.ToArray());
        m.Forward(x);
        m.Backward(Tensor.Ones(2, 2));
        Assert.Equal([-8f, -8f], m.Weight.Grad!.ToArray());
    }

    [Fact]
    public void Weight_IsTheParameter_FilledWithInit_AndRequiresGrad()
    {
        var m = new PReLU(3, 0.1f);
        Assert.Equal([3], m.Weight.Shape);
        Assert.Equal([0.1f, 0.1f, 0.1f], m.Weight.ToArray());
        Assert.True(m.Weight.RequiresGrad);
        Assert.Same(m.Weight, Assert.Single(m.Parameters()));
        Assert.Equal(3, m.NumParameters);
        Assert.Equal("PReLU(num_parameters=1)", new PReLU().ToString());   // PyTorch's repr
        Assert.Equal("PReLU(num_parameters=3)", m.ToString());
    }

    [Fact]
    public void Backward_UsesTheSlopesOfItsForward_NotAWeightChangedSince()
    {
        PReLU m = Module(0.5f);
        m.Forward(new Tensor([-2f], [1]));
        m.Weight.AsSpan()[0] = 3f;   // an optimizer step between Forward and Backward
        Assert.Equal([0.5f], m.Backward(Tensor.Ones(1)).ToArray());
        Assert.Equal([-2f], m.Weight.Grad!.ToArray());
    }

    [Fact]
    public void ForwardIntoOutput_EqualsForwardBitForBit_AndBackwardFollowsIt()
    {
        Tensor x = X(2, 3, 4), g = G(2, 3, 4);
        PReLU allocating = Module(0.1f, -0.2f, 0.3f), into = Module(0.1f, -0.2f, 0.3f);
        Tensor expected = allocating.Forward(x);
        float[] before = x.ToArray();

        Tensor output = Tensor.Full([2, 3, 4], float.NaN);   // every element must be overwritten
        Assert.Same(output, into.Forward(x, output));

        Assert.Equal(expected.ToArray(), output.ToArray());
        Assert.Equal(before, x.ToArray());
        Assert.Equal(allocating.Backward(g).ToArray(), into.Backward(g).ToArray());
        Assert.Equal(allocating.Weight.Grad!.ToArray(), into.Weight.Grad!.ToArray());
    }

    [Fact]
    public void ForwardIntoOutput_ReusedAcrossCalls_BackwardFollowsTheLatest_WithTheSlopesOfThatForward()
    {
        PReLU m = Module(0.5f);
        Tensor output = Tensor.Zeros(1);
        m.Forward(new Tensor([3f], [1]), output);
        m.Forward(new Tensor([-2f], [1]), output);
        m.Weight.AsSpan()[0] = 3f;   // an optimizer step: Backward still uses the slope its forward copied
        Assert.Equal([-1f], output.ToArray());
        Assert.Equal([0.5f], m.Backward(Tensor.Ones(1)).ToArray());
        Assert.Equal([-2f], m.Weight.Grad!.ToArray());
    }

    [Fact]
    public void ForwardIntoItself_IsRefused_BecauseBackwardNeedsTheInput_AndNothingIsWrittenOrSaved()
    {
        PReLU m = Module(0.25f);
        Tensor x = X(5);
        float[] before = x.ToArray();
        var e = Assert.Throws<ArgumentException>(() => m.Forward(x, x));
        Assert.Equal("output", e.ParamName);
        Assert.StartsWith("PReLU saves its input for Backward, so the output cannot be the input itself", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, x.ToArray());
        Assert.Throws<InvalidOperationException>(() => m.Backward(G(5)));
    }

    [Fact]
    public void ForwardIntoOutput_WithWrongShapeOrNull_IsRefused_NamingBothShapes()
    {
        PReLU m = new();
        Tensor output = Tensor.Full([3, 2], float.NaN);   // the same number of elements, another shape
        var e = Assert.Throws<ArgumentException>(() => m.Forward(X(2, 3), output));
        Assert.Equal("output", e.ParamName);
        Assert.Contains("(3, 2)", e.Message);
        Assert.Contains("(2, 3)", e.Message);
        Assert.All(output.ToArray(), v => Assert.True(float.IsNaN(v)));
        Assert.Throws<InvalidOperationException>(() => m.Backward(G(2, 3)));

        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => m.Forward(X(2), null!)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => m.Forward(null!, X(2))).ParamName);
    }

    [Fact]
    public void ForwardIntoOutput_WithAChannelMismatch_IsRefused_AndWritesNothing()
    {
        Tensor output = Tensor.Full([2, 3], float.NaN);
        var e = Assert.Throws<ArgumentException>(() => new PReLU(4).Forward(X(2, 3), output));
        Assert.Equal("weight", e.ParamName);
        Assert.All(output.ToArray(), v => Assert.True(float.IsNaN(v)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void NumParameters_BelowOne_IsRefused(int n) =>
        Assert.Equal("numParameters", Assert.Throws<ArgumentOutOfRangeException>(() => new PReLU(n)).ParamName);

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Init_NotFinite_IsRefused(float init) =>
        Assert.Equal("init", Assert.Throws<ArgumentOutOfRangeException>(() => new PReLU(1, init)).ParamName);

    [Theory]
    [InlineData(new[] { 2, 3 }, 4, 3)]   // PyTorch: "... Found parameter numbers = 4 and channel size = 3."
    [InlineData(new[] { 5 }, 3, 1)]      // a 1-d input has one channel
    [InlineData(new[] { 2, 3, 4 }, 4, 3)]
    public void ChannelMismatch_IsRefused_InPyTorchsWords(int[] shape, int parameters, int channels)
    {
        var e = Assert.Throws<ArgumentException>(() => new PReLU(parameters).Forward(Tensor.Zeros(shape)));
        Assert.Equal("weight", e.ParamName);
        Assert.StartsWith(
            $"Mismatch of parameter numbers and input channel size. Found parameter numbers = {parameters} and channel size = {channels}.",
            e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroDimInput_WithSeveralSlopes_IsRefused_AndWithOne_Works()
    {
        var e = Assert.Throws<ArgumentException>(() => new PReLU(2).Forward(Tensor.Scalar(-1f)));
        Assert.StartsWith("Not allow zero-dim input tensor", e.Message, StringComparison.Ordinal);   // PyTorch's words
        Assert.Equal(-0.25f, new PReLU().Forward(Tensor.Scalar(-1f)).Item());
    }

    [Fact]
    public void Functional_WeightOfTwoDims_IsRefused_AndScalarWeight_Works()
    {
        var e = Assert.Throws<ArgumentException>(() => Functional.PReLU(Tensor.Zeros(2, 3), Tensor.Ones(1, 3)));
        Assert.Equal("weight", e.ParamName);
        Assert.StartsWith("prelu: Expected `weight` to be a scalar or 1D tensor, but got ndim = 2", e.Message, StringComparison.Ordinal);
        Assert.Equal([-0.5f, 3f], Functional.PReLU(new Tensor([-2f, 3f], [2]), Tensor.Scalar(0.25f)).ToArray());
    }

    [Fact]
    public void Functional_Backward_ReturnsBothGradients_WithoutAccumulating()
    {
        var weight = new Tensor([0.1f, -0.2f, 0.3f], [3]);
        (Tensor dx, Tensor dw) = Functional.PReLUBackward(G(2, 3, 4), X(2, 3, 4), weight);
        Assert.Equal([13f, 2f, -2.5f], dw.ToArray());   // PyTorch
        Assert.Equal([2, 3, 4], dx.Shape);
        Assert.Null(weight.Grad);
    }

    [Fact]
    public void Backward_BeforeForward_SaysSo() =>
        Assert.Contains("before Forward", Assert.Throws<InvalidOperationException>(() => new PReLU().Backward(Tensor.Ones(1))).Message, StringComparison.Ordinal);

    /// <summary>Shapes that take each path of the kernel: one slope, rows of one slope (short and pieced), rows of slopes.</summary>
    public static TheoryData<int[], int> Layouts => new()
    {
        { [3, 5], 1 }, { [1000, 3, 200], 3 }, { [2, 3, 70000], 3 }, { [5, 2, 16], 2 }, { [7, 4, 15], 4 }, { [9, 3, 64], 3 }, { [4, 2, 63], 2 },
        { [300000, 3], 3 }, { [40000, 5, 3], 5 }, { [3, 1000], 1000 }, { [10, 70], 70 }, { [2, 1], 1 }, { [0, 3], 3 }, { [2, 3, 0], 3 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void EveryLayout_MatchesElementByElement_AndTheWeightGradientExactly(int[] shape, int channels)
    {
        // Small dyadic x and g: every product and every sum is exact, so the weight gradient has one right answer.
        int n = shape.Aggregate(1, (a, b) => a * b);
        int inner = shape.Skip(2).Aggregate(1, (a, b) => a * b);
        var random = new Random(n + channels);
        float[] x = [.. Enumerable.Range(0, n).Select(_ => random.Next(-64, 64) / 8f)];
        float[] g = [.. Enumerable.Range(0, n).Select(_ => random.Next(-64, 64) / 16f)];
        float[] w = [.. Enumerable.Range(0, channels).Select(c => 0.1f + (0.07f * c) - (c % 2))];
        Tensor xt = new(x, shape), gt = new(g, shape), wt = new(w, [channels]);

        float[] y = Functional.PReLU(xt, wt).ToArray();
        (Tensor dxt, Tensor dwt) = Functional.PReLUBackward(gt, xt, wt);
        float[] dx = dxt.ToArray(), dw = dwt.ToArray();
        double[] expectedDw = new double[channels];
        for (int i = 0; i < n; i++)
        {
            int c = channels == 1 ? 0 : i / inner % channels;
            Assert.True(OperatorChecks.SameBits(x[i] > 0 ? x[i] : x[i] * w[c], y[i]), $"y[{i}]");
            Assert.True(OperatorChecks.SameBits(x[i] > 0 ? g[i] : g[i] * w[c], dx[i]), $"dx[{i}]");
            expectedDw[c] += x[i] > 0 ? 0 : (double)x[i] * g[i];
        }

        Assert.Equal(expectedDw.Select(s => (float)s), dw);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void EveryLayout_GivesTheSameBits_OnOneThreadAndOnFour(int[] shape, int channels)
    {
        int n = shape.Aggregate(1, (a, b) => a * b);
        var random = new Random(7);
        Tensor x = new([.. Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() - 0.6))], shape);
        Tensor g = new([.. Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() - 0.5))], shape);
        Tensor w = new([.. Enumerable.Range(0, channels).Select(c => 0.2f + (0.01f * c))], [channels]);
        int before = KernelOptions.MaxDegreeOfParallelism;
        try
        {
            KernelOptions.MaxDegreeOfParallelism = 1;
            float[] y1 = Functional.PReLU(x, w).ToArray();
            (Tensor dx1, Tensor dw1) = Functional.PReLUBackward(g, x, w);
            KernelOptions.MaxDegreeOfParallelism = 4;
            float[] y4 = Functional.PReLU(x, w).ToArray();
            (Tensor dx4, Tensor dw4) = Functional.PReLUBackward(g, x, w);
            Assert.Equal(y1, y4);
            Assert.Equal(dx1.ToArray(), dx4.ToArray());
            Assert.Equal(dw1.ToArray(), dw4.ToArray());
        }
        finally
        {
            KernelOptions.MaxDegreeOfParallelism = before;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void WeightGradient_IsAccumulatedInDouble_NotLostBelowAFloatsULP(int channels)
    {
        // One product of 2^24 and then a million of 1 per channel: a float running sum stays at 2^24 (2^24 + 1
        // rounds back to 2^24); the true sum 17 777 216 is a float, and the double accumulation gets it exactly.
        const int Ones = 1_000_000;
        float[] x = new float[(Ones + 1) * channels], g = new float[x.Length];
        for (int o = 0; o <= Ones; o++)
        {
            for (int c = 0; c < channels; c++)
            {
                x[(o * channels) + c] = o == 0 ? -4096f : -1f;
                g[(o * channels) + c] = o == 0 ? -4096f : -1f;
            }
        }

        int[] shape = channels == 1 ? [x.Length] : [Ones + 1, channels];
        (_, Tensor dw) = Functional.PReLUBackward(new Tensor(g, shape), new Tensor(x, shape), Tensor.Full([channels], 0.25f));
        Assert.All(dw.ToArray(), v => Assert.Equal(17_777_216f, v));
    }

    [Fact]
    public void WeightGradient_OfRandomData_IsTheNearestFloatToTheExactSum_UpToTheDoubleAccumulation()
    {
        // The exact sum in integers: every float here is a whole multiple of 2^-149, each product of 2^-298.
        const int N = 500_000;
        var random = new Random(3);
        float[] x = [.. Enumerable.Range(0, N).Select(_ => (float)((random.NextDouble() * 2) - 1.2))];
        float[] g = [.. Enumerable.Range(0, N).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        (_, Tensor dw) = Functional.PReLUBackward(new Tensor(g, [N]), new Tensor(x, [N]), Tensor.Full([1], 0.25f));
        static BigInteger Units(float v) => new(Math.ScaleB(v, 149));
        BigInteger exact = BigInteger.Zero, magnitude = BigInteger.Zero;
        for (int i = 0; i < N; i++)
        {
            if (!(x[i] > 0))
            {
                BigInteger p = Units(x[i]) * Units(g[i]);
                exact += p;
                magnitude += BigInteger.Abs(p);
            }
        }

        double error = Math.ScaleB((double)BigInteger.Abs((Units(dw[0]) << 149) - exact), -298);
        double halfUlp = (MathF.BitIncrement(Math.Abs(dw[0])) - Math.Abs(dw[0])) / 2.0;
        double accumulation = N * Math.ScaleB((double)magnitude, -298 - 53);
        Assert.True(error <= halfUlp + accumulation, $"dw = {dw[0]:R}, {error:E3} from the exact sum, half an ULP {halfUlp:E3}");
    }

    [Fact]
    public void Kernel_RefusesALayoutThatDoesNotFit()
    {
        float[] x = new float[10], y = new float[10];
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => ActivationKernels.PReLU(x, y, [0.1f, 0.2f, 0.3f], 1)).ParamName);
        Assert.Equal("weight", Assert.Throws<ArgumentException>(() => ActivationKernels.PReLU(x, y, [], 1)).ParamName);
        Assert.Equal("inner", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.PReLU(x, y, [0.1f, 0.2f], -1)).ParamName);
        float[] dw = new float[1];
        Assert.Equal("weightGrad", Assert.Throws<ArgumentException>(() => ActivationKernels.PReLUBackward(x, x, y, [0.1f, 0.2f], 5, dw)).ParamName);
    }

    [Fact]
    public void Kernel_InPlace_GivesTheOutOfPlaceBits()
    {
        var random = new Random(5);
        float[] x = [.. Enumerable.Range(0, 6 * 3 * 20).Select(_ => (float)(random.NextDouble() - 0.5))];
        float[] g = [.. Enumerable.Range(0, x.Length).Select(_ => (float)(random.NextDouble() - 0.5))];
        float[] w = [0.1f, -0.4f, 2f];
        foreach (int inner in new[] { 20, 1 })
        {
            float[] y = new float[x.Length], dx = new float[x.Length], dw = new float[3], dwInPlace = new float[3];
            ActivationKernels.PReLU(x, y, w, inner);
            ActivationKernels.PReLUBackward(g, x, dx, w, inner, dw);
            float[] inPlace = (float[])x.Clone();
            ActivationKernels.PReLU(inPlace, inPlace, w, inner);
            Assert.Equal(y, inPlace);
            float[] overGradient = (float[])g.Clone();
            ActivationKernels.PReLUBackward(overGradient, x, overGradient, w, inner, dwInPlace);
            Assert.Equal(dx, overGradient);
            Assert.Equal(dw, dwInPlace);
        }
    }

    [Fact]
    public void SharedModule_EightThreads_EachGradientIsTheThreadsOwn_AndTheWeightGradientsAddUp()
    {
        const int Threads = 8, Pairs = 300;
        var m = new PReLU(3);
        int mismatches = 0;
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var random = new Random(100 + t);
            start.SignalAndWait();
            for (int i = 0; i < Pairs; i++)
            {
                // Integers x and g, one negative element per channel: every weight gradient is a small integer, exact
                // in float whichever order the threads add them in.
                int rows = 1 + random.Next(4);
                Tensor x = new([.. Enumerable.Range(0, rows * 3).Select(k => k < 3 ? -(t + 1f) : random.Next(1, 9))], [rows, 3]);
                Tensor g = new([.. Enumerable.Range(0, rows * 3).Select(_ => (float)random.Next(-4, 5))], [rows, 3]);
                (Tensor expected, _) = Functional.PReLUBackward(g, x, Tensor.Full([3], 0.25f));
                m.Forward(x);
                if (!m.Backward(g).ToArray().SequenceEqual(expected.ToArray()))
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

        // Replay the same draws on one thread to get the expected total.
        float[] total = new float[3];
        for (int t = 0; t < Threads; t++)
        {
            var random = new Random(100 + t);
            for (int i = 0; i < Pairs; i++)
            {
                int rows = 1 + random.Next(4);
                float[] x = [.. Enumerable.Range(0, rows * 3).Select(k => k < 3 ? -(t + 1f) : random.Next(1, 9))];
                float[] g = [.. Enumerable.Range(0, rows * 3).Select(_ => (float)random.Next(-4, 5))];
                for (int c = 0; c < 3; c++)
                {
                    total[c] += x[c] * g[c];
                }
            }
        }

        Assert.Equal(total, m.Weight.Grad!.ToArray());
    }

    [Fact]
    public void Backward_OnAThreadThatRanNoForward_SaysHowToFixIt()
    {
        var m = new PReLU();
        m.Forward(Tensor.Full([4], -1f));
        Exception? error = null;
        var other = new Thread(() => error = Record.Exception(() => m.Backward(Tensor.Ones(4))));
        other.Start();
        other.Join();
        Assert.IsType<InvalidOperationException>(error);
        Assert.Contains("PReLU.Backward was called on a thread that ran no Forward", error.Message, StringComparison.Ordinal);
        Assert.Equal([4], m.Backward(Tensor.Ones(4)).Shape);   // this thread's pair is still there
    }
}
