using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class LogSoftmaxTests
{
    private const double Bound = 1;

    private static float[] LogSoftmax(params float[] x) => new LogSoftmax().Forward(new Tensor(x)).ToArray();

    private static float[] Spread(int count, int seed, double halfWidth)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (float)(((random.NextDouble() * 2) - 1) * halfWidth))];
    }

    private static void AssertWithinOneUlpOf(double[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Ulp.Error(actual[i], expected[i]) <= 1, $"{what}, element {i}: {actual[i]:R} vs {expected[i]:R}");
        }
    }

    public static TheoryData<int[]> Shapes => [[7], [3, 6], [3, 4, 5], [2, 3, 4, 5], [1, 1], [2, 1, 3]];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryDimOf1To4dInputs_IsWithinOneUlpOfTheTruth(int[] shape)
    {
        int size = shape.Aggregate(1, (a, b) => a * b);
        for (int dim = -shape.Length; dim < shape.Length; dim++)
        {
            float[] x = Spread(size, (shape.Length * 10) + dim, 30);
            float[] y = new LogSoftmax(dim).Forward(new Tensor(x, shape)).ToArray();
            int d = dim < 0 ? dim + shape.Length : dim;
            int length = shape[d], inner = shape.Skip(d + 1).Aggregate(1, (a, b) => a * b);
            LogSoftmaxOracle.MaxUlp(x, y, length, inner, Bound, $"({string.Join(", ", shape)}) over dim {dim}");
            Assert.Equal(y, Functional.LogSoftmax(new Tensor(x, shape), dim).ToArray());
        }
    }

    // torch.nn.functional.log_softmax(torch.tensor(row), dim=-1) in PyTorch 1.13 (float32), printed with float.hex():
    // within 1 ULP of ours (PyTorch rounds its x − m − log(sum) twice; both are within 1 ULP of the truth here).
    [Fact]
    public void PinnedRows_MatchPyTorch113()
    {
        AssertWithinOneUlpOf([-2.4076058864593506, -1.4076058864593506, -0.40760594606399536], LogSoftmax(1, 2, 3), "[1, 2, 3]");
        AssertWithinOneUlpOf([-2.4076058864593506, -1.4076058864593506, -0.40760594606399536], LogSoftmax(1000, 1001, 1002), "[1000, 1001, 1002]");
        AssertWithinOneUlpOf([-2000, -1000, 0], LogSoftmax(-1000, 0, 1000), "[-1000, 0, 1000]");
        AssertWithinOneUlpOf([-1.7840726375579834, -2.5340726375579834, -0.2840725779533386], LogSoftmax(0.5f, -0.25f, 2), "[0.5, -0.25, 2]");
        float[] withMinusInfinity = LogSoftmax(float.NegativeInfinity, 0, 1);
        Assert.Equal(float.NegativeInfinity, withMinusInfinity[0]);
        AssertWithinOneUlpOf([-1.31326162815094, -0.31326165795326233], withMinusInfinity[1..], "[-inf, 0, 1]");
    }

    [Fact]
    public void ADominatedRow_KeepsTheTinyLogOfTheMaximum_WherePyTorchGivesZero()
    {
        // PyTorch 1.13 gives [0.0, -100.0, -100.0]; the truth of the first is −2e^-100 = −7.4e-44, a subnormal float.
        float[] y = LogSoftmax(0, -100, -100);
        Assert.True(Math.Abs(y[0] - (-2 * Math.Exp(-100))) <= Math.ScaleB(1, -149), $"{y[0]:R}");
        Assert.Equal(-100f, y[1]);

        // One far above many: −L ≈ −s to full precision in the normal range (e^-20·999 ≈ 2.06e-6).
        float[] row = [.. Enumerable.Repeat(-20f, 1000)];
        row[3] = 0;
        float[] z = LogSoftmax(row);
        Assert.True(Ulp.Error(z[3], -Math.Log(1 + (999 * Math.Exp(-20)))) <= Bound, $"{z[3]:R}");
    }

    [Fact]
    public void EdgeRows_FollowPyTorch_EachRowOnItsOwn()
    {
        float nan = float.NaN, inf = float.PositiveInfinity;
        var x = new Tensor(new float[,] { { 1, nan, 2 }, { inf, 0, 1 }, { -inf, -inf, -inf }, { -inf, 0, 0 }, { 1000, -1000, 0 } });
        float[] y = new LogSoftmax().Forward(x).ToArray();
        Assert.All(y[..9], v => Assert.True(float.IsNaN(v)));
        Assert.Equal(float.NegativeInfinity, y[9]);
        Assert.Equal(-MathF.Log(2), y[10], 6);
        Assert.Equal(new[] { 0f, -2000f, -1000f }, y[12..]);
    }

    [Fact]
    public void ExpOfTheOutput_SumsToOne()
    {
        float[] y = LogSoftmax(Spread(1000, 3, 5));
        Assert.Equal(1.0, y.Sum(v => Math.Exp(v)), 5);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void ZeroSizeDims_GiveEmptyResults_OverEveryDim(int dim)
    {
        foreach (int[] shape in new[] { new[] { 2, 0, 3 }, [0, 2, 3], [2, 3, 0] })
        {
            var module = new LogSoftmax(dim);
            Tensor y = module.Forward(new Tensor(Array.Empty<float>(), shape));
            Assert.Equal(shape, y.Shape);
            Assert.Equal(0, module.Backward(new Tensor(Array.Empty<float>(), shape)).Size);
        }
    }

    [Fact]
    public void OfAScalar_IsZero() => Assert.Equal(0f, new LogSoftmax().Forward(Tensor.Scalar(-7f)).Item());

    [Fact]
    public void DimOutOfRange_StatesTheValidRange_InPyTorchsWords()
    {
        var x = new Tensor(new float[2 * 3 * 4], [2, 3, 4]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LogSoftmax(3).Forward(x));
        Assert.Contains("Dimension out of range (expected to be in range of [-3, 2], but got 3)", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Functional.LogSoftmax(x, -4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Functional.LogSoftmaxBackward(x, x, 5));
    }

    [Fact]
    public void BadArguments_AreNamed()
    {
        var x = new Tensor(new float[6], [2, 3]);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => Functional.LogSoftmax(null!)).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => Functional.LogSoftmax(x, new Tensor(new float[6], [3, 2]))).ParamName);
        Assert.Equal("gradOutput", Assert.Throws<ArgumentException>(() => Functional.LogSoftmaxBackward(new Tensor(new float[3]), x)).ParamName);
        var e = Assert.Throws<InvalidOperationException>(() => new LogSoftmax().Backward(x));
        Assert.Contains("LogSoftmax.Backward was called before Forward", e.Message);
    }

    [Fact]
    public void ForwardIntoOutput_AndInPlace_GiveTheSameBits()
    {
        var x = new Tensor(Spread(24, 9, 4), [2, 3, 4]);
        float[] expected = Functional.LogSoftmax(x, 1).ToArray();
        var output = Tensor.Zeros([2, 3, 4]);
        Assert.Same(output, new LogSoftmax(1).Forward(x, output));
        Assert.Equal(expected, output.ToArray());
        Tensor inPlace = new(x.ToArray(), [2, 3, 4]);
        Functional.LogSoftmax(inPlace, inPlace, 1);
        Assert.Equal(expected, inPlace.ToArray());
    }

    // PyTorch 1.13: x = [[0.5, -0.25, 2.0]], log_softmax(x, -1).backward([[1, -2, 0.5]]) gives x.grad below.
    [Fact]
    public void Backward_MatchesPyTorch113_AndIsGMinusSoftmaxTimesSumOfG()
    {
        var module = new LogSoftmax();
        Tensor y = module.Forward(new Tensor(new float[,] { { 0.5f, -0.25f, 2 } }));
        float[] g = [1, -2, 0.5f];
        float[] dx = module.Backward(new Tensor(g, [1, 3])).ToArray();
        AssertWithinOneUlpOf([1.0839763879776, -1.9603323936462402, 0.8763560056686401], dx, "backward");
        double sum = g.Sum();
        float[] yv = y.ToArray();
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(g[i] - (Math.Exp(yv[i]) * sum), dx[i], 6);
        }
    }

    [Fact]
    public void Backward_UsesTheDimOfTheLastForward()
    {
        var module = new LogSoftmax(-1);
        var x = new Tensor(new float[,] { { 1, 2 }, { 3, 5 } });
        var g = new Tensor(new float[,] { { 1, 0 }, { 0, 0 } });
        module.Forward(x, 0);
        float[] expected = Functional.LogSoftmaxBackward(g, Functional.LogSoftmax(x, 0), 0).ToArray();
        Assert.Equal(expected, module.Backward(g).ToArray());
        Assert.Equal("LogSoftmax(dim=-1)", module.ToString());
        Assert.Empty(module.Parameters());
    }
}
