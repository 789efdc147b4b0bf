using TinyTorch.Core;

namespace TinyTorch.Tests.Activations;

public class SoftmaxTests
{
    private static float[] Softmax(params float[] x) => new Softmax().Forward(new Tensor(x)).ToArray();

    [Fact]
    public void Softmax_Of123_SumsToOne_StaysInside01_AndKeepsArgmax()
    {
        float[] y = Softmax(1f, 2f, 3f);
        Assert.Equal(1.0, y.Sum(v => (double)v), 6);
        Assert.All(y, v => Assert.True(v > 0 && v < 1));
        Assert.Equal(2, Array.IndexOf(y, y.Max()));
        Assert.Equal(new[] { 0.090, 0.245, 0.665 }, y.Select(v => Math.Round(v, 3)));
    }

    [Fact]
    public void Softmax_OfHugeValues_HasNoNaNOrInfinity_AndSumsToOne()
    {
        float[] y = Softmax(1000f, 1001f, 1002f);
        Assert.All(y, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(1.0, y.Sum(v => (double)v), 6);
    }

    [Fact]
    public void Softmax_On2d_NormalizesEachRow_AndKeepsShape()
    {
        Tensor y = new Softmax().Forward(new Tensor(new float[,] { { 1, 2 }, { 3, 4 } }));
        Assert.Equal(new[] { 2, 2 }, y.Shape);
        Assert.Equal(1.0, y[0, 0] + (double)y[0, 1], 6);
        Assert.Equal(1.0, y[1, 0] + (double)y[1, 1], 6);
    }

    [Fact]
    public void Softmax_OfZeros_IsUniform() => Assert.All(Softmax(0f, 0f, 0f, 0f), v => Assert.Equal(0.25f, v));

    // Up to rounding: the row kernel reduces x against a multiple of ln 2/16 near the maximum rather than forming x − max
    // (see FloatSoftmaxRow), so a shifted row is rounded differently, each within 1.55 ULP of the same softmax.
    [Fact]
    public void Softmax_IsShiftInvariant()
    {
        float[] a = Softmax(1f, 2f, 3f), b = Softmax(11f, 12f, 13f), c = Softmax(-1001f, -1000f, -999f);
        for (int i = 0; i < 3; i++)
        {
            float ulp = MathF.BitIncrement(a[i]) - a[i];
            Assert.True(Math.Abs(a[i] - b[i]) <= 3 * ulp, $"{i}: {a[i]:R} vs {b[i]:R}");
            Assert.True(Math.Abs(a[i] - c[i]) <= 3 * ulp, $"{i}: {a[i]:R} vs {c[i]:R}");
        }
    }

    [Fact]
    public void Softmax_Of3d_OverLastDim_SumsToOneOnEverySlice()
    {
        float[] data = Enumerable.Range(0, 12).Select(i => (float)Math.Sin(i)).ToArray();
        Tensor y = new Softmax(-1).Forward(new Tensor(data, [2, 2, 3]));
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                Assert.Equal(1.0, y[i, j, 0] + (double)y[i, j, 1] + y[i, j, 2], 6);
            }
        }
    }

    [Fact]
    public void DefaultDim_IsLastForConstructorAndCall()
    {
        Assert.Equal(-1, new Softmax().Dim);
        var x = new Tensor(new float[,] { { 1, 2, 3 }, { 4, 6, 8 } });
        Assert.Equal(new Softmax().Forward(x).ToArray(), Functional.Softmax(x).ToArray());
        Assert.Equal(new Softmax().Forward(x).ToArray(), new Softmax(1).Forward(x).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(-3)]
    public void Softmax_OverAnyDim_SumsToOneAlongThatDim(int dim)
    {
        float[] data = Enumerable.Range(0, 24).Select(i => (float)(i * 0.37 % 5)).ToArray();
        Tensor y = new Softmax(dim).Forward(new Tensor(data, [2, 3, 4]));
        int d = dim < 0 ? dim + 3 : dim;
        int[] shape = [2, 3, 4];
        var sums = new Dictionary<(int, int, int), double>();
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                for (int k = 0; k < 4; k++)
                {
                    int[] idx = [i, j, k];
                    idx[d] = 0;
                    var key = (idx[0], idx[1], idx[2]);
                    sums[key] = sums.GetValueOrDefault(key) + y[i, j, k];
                }
            }
        }

        Assert.Equal(24 / shape[d], sums.Count);
        Assert.All(sums.Values, s => Assert.Equal(1.0, s, 6));
    }

    [Fact]
    public void ForwardWithDim_OverridesTheConstructorDim()
    {
        var x = new Tensor(new float[,] { { 1, 2 }, { 3, 5 } });
        Tensor y = new Softmax(-1).Forward(x, 0);
        Assert.Equal(1.0, y[0, 0] + (double)y[1, 0], 6);
        Assert.Equal(1 / (1 + Math.Exp(2)), y[0, 0], 6);
    }

    [Fact]
    public void Softmax_DimOutOfRange_StatesTheValidRange()
    {
        var x = new Tensor(new float[2 * 3 * 4], [2, 3, 4]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Softmax(3).Forward(x));
        Assert.Contains("Dimension out of range (expected to be in range of [-3, 2], but got 3)", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Functional.Softmax(x, -4));
    }

    [Fact]
    public void Softmax_EdgeSemantics_FollowPyTorch()
    {
        float[] nanRow = Softmax(1f, float.NaN, 2f);
        Assert.All(nanRow, v => Assert.True(float.IsNaN(v)));

        float[] allNegInf = Softmax(float.NegativeInfinity, float.NegativeInfinity);
        Assert.All(allNegInf, v => Assert.True(float.IsNaN(v)));

        float[] someNegInf = Softmax(float.NegativeInfinity, 0f, 0f);
        Assert.Equal(new[] { 0f, 0.5f, 0.5f }, someNegInf);
    }

    [Fact]
    public void Softmax_DocExample_Holds() =>
        Assert.Equal(new[] { 0.032, 0.087, 0.237, 0.644 }, Softmax(1f, 2f, 3f, 4f).Select(v => Math.Round(v, 3)));

    [Fact]
    public void Softmax_OfEmptyTensor_OverADimBeforeTheEmptyOne_IsEmpty()
    {
        // Over dim 0 of (2, 0, 3) the stride between slice elements is 0 × 3 = 0: nothing to compute, no error.
        var softmax = new Softmax(0);
        Tensor y = softmax.Forward(new Tensor(Array.Empty<float>(), [2, 0, 3]));
        Assert.Equal(new[] { 2, 0, 3 }, y.Shape);
        Assert.Equal(0, softmax.Backward(new Tensor(Array.Empty<float>(), [2, 0, 3])).Size);
    }

    [Fact]
    public void Softmax_OfScalar_IsOne() => Assert.Equal(1f, new Softmax().Forward(Tensor.Scalar(-7f)).Item());

    [Fact]
    public void Backward_IsYTimesGMinusDot()
    {
        var softmax = new Softmax();
        Tensor y = softmax.Forward(new Tensor(new[] { 1f, 2f, 3f }));
        float[] g = [1f, -1f, 0.5f];
        float[] dx = softmax.Backward(new Tensor(g)).ToArray();
        float[] yv = y.ToArray();
        double dot = g.Zip(yv, (a, b) => (double)a * b).Sum();
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(yv[i] * (g[i] - dot), dx[i], 6);
        }

        Assert.Equal(0.0, dx.Sum(v => (double)v), 6);   // softmax is shift-invariant, so gradients sum to 0
    }

    [Fact]
    public void Backward_UsesTheDimOfTheLastForward()
    {
        var softmax = new Softmax(-1);
        var x = new Tensor(new float[,] { { 1, 2 }, { 3, 5 } });
        softmax.Forward(x, 0);
        float[] dx = softmax.Backward(new Tensor(new float[,] { { 1, 0 }, { 0, 0 } })).ToArray();
        float[] expected = Functional.SoftmaxBackward(new Tensor(new float[,] { { 1, 0 }, { 0, 0 } }), Functional.Softmax(x, 0), 0).ToArray();
        Assert.Equal(expected, dx);
        Assert.Equal(0.0, dx[0] + (double)dx[2], 6);
    }
}
