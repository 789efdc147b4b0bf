using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Core;

public class TensorLogSumExpTests
{
    private static float[] Spread(int count, int seed, double halfWidth)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (float)(((random.NextDouble() * 2) - 1) * halfWidth))];
    }

    /// <summary>The truth m + L from the oracle, for each slice of x (viewed as [outer, length, inner]).</summary>
    private static double[] Truth(float[] x, int length, int inner)
    {
        int outer = x.Length / Math.Max(1, length * inner);
        var truth = new double[outer * inner];
        for (int o = 0; o < outer; o++)
        {
            for (int c = 0; c < inner; c++)
            {
                int start = (o * length * inner) + c;
                (double max, double logSum) = LogSoftmaxOracle.Normalizer([.. Enumerable.Range(0, length).Select(i => x[start + (i * inner)])]);
                truth[(o * inner) + c] = max + logSum;
            }
        }

        return truth;
    }

    public static TheoryData<int[]> Shapes => [[9], [3, 6], [3, 4, 5], [2, 3, 4, 5]];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryDimOf1To4dInputs_IsWithinOneUlp_AndKeepDimKeepsASizeOneDim(int[] shape)
    {
        int size = shape.Aggregate(1, (a, b) => a * b);
        for (int dim = -shape.Length; dim < shape.Length; dim++)
        {
            int d = dim < 0 ? dim + shape.Length : dim;
            float[] x = Spread(size, (shape.Length * 10) + d, 50);
            for (int k = 0; k < size; k++)
            {
                x[k] += 60;   // m + L well away from 0: no cancellation (see the bound)
            }

            var t = new Tensor(x, shape);
            Tensor y = t.LogSumExp(dim);
            Tensor kept = t.LogSumExp(dim, keepDim: true);
            Assert.Equal([.. shape.Where((_, i) => i != d)], y.Shape);
            Assert.Equal([.. shape.Select((n, i) => i == d ? 1 : n)], kept.Shape);
            Assert.Equal(y.ToArray(), kept.ToArray());
            double[] truth = Truth(x, shape[d], shape.Skip(d + 1).Aggregate(1, (a, b) => a * b));
            float[] values = y.ToArray();
            for (int i = 0; i < truth.Length; i++)
            {
                Assert.True(Ulp.Error(values[i], truth[i]) <= 1, $"dim {dim}, output {i}: {values[i]:R} vs {truth[i]:R}");
            }
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1000)]
    [InlineData(65_536)]
    public void LongAndDominatedRows_AreWithinOneUlp(int length)
    {
        foreach (double spread in new[] { 1.0, 100.0 })
        {
            float[] x = Spread(length, length, spread);
            x[length / 2] = (float)(spread * 3);   // one entry above the rest
            double truth = Truth(x, length, 1)[0];
            float y = new Tensor(x).LogSumExp(0).Item();
            Assert.True(Ulp.Error(y, truth) <= 1, $"±{spread}: {y:R} vs {truth:R}");
        }

        // A maximum that dominates: m + e^-30-ish, where 1 + s in float would be 1.
        float z = new Tensor(new float[] { 5, -25, -30 }).LogSumExp(0).Item();
        Assert.True(Ulp.Error(z, 5 + Math.Log(1 + Math.Exp(-30) + Math.Exp(-35))) <= 1);
    }

    // torch.logsumexp(rows, dim=-1) in PyTorch 1.13.
    [Fact]
    public void PinnedRowsAndEdges_MatchPyTorch113()
    {
        float inf = float.PositiveInfinity, nan = float.NaN;
        var rows = new Tensor(new float[,]
        {
            { 1, 2, 3 }, { 1000, 1001, 1002 }, { -1000, 0, 1000 }, { -inf, 0, 1 }, { nan, 1, 2 }, { inf, 0, 1 }, { -inf, -inf, -inf }, { inf, -inf, 0 }, { inf, inf, 0 },
        });
        float[] y = rows.LogSumExp(-1).ToArray();
        Assert.True(Ulp.Error(y[0], 3.4076058864593506) <= 1, $"{y[0]:R}");
        Assert.True(Ulp.Error(y[1], 1002.4075927734375) <= 1, $"{y[1]:R}");
        Assert.Equal(1000f, y[2]);
        Assert.True(Ulp.Error(y[3], 1.31326162815094) <= 1, $"{y[3]:R}");
        Assert.True(float.IsNaN(y[4]));
        Assert.Equal(new[] { inf, -inf, inf, inf }, y[5..]);
    }

    [Fact]
    public void EmptySlices_GiveMinusInfinity_AndAnEmptyTensorStaysEmpty()
    {
        // PyTorch: torch.logsumexp(torch.zeros(3, 0), dim=1) is [-inf, -inf, -inf]; over dim 0 of (0, 3) as well.
        Assert.Equal(new[] { float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity },
            new Tensor(Array.Empty<float>(), [3, 0]).LogSumExp(1).ToArray());
        Assert.Equal(new[] { float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity },
            new Tensor(Array.Empty<float>(), [0, 3]).LogSumExp(0).ToArray());
        Assert.Equal(new[] { 2, 0 }, new Tensor(Array.Empty<float>(), [2, 3, 0]).LogSumExp(1).Shape);
    }

    [Fact]
    public void OfAScalar_IsTheScalar_AndABadDimIsPyTorchsError()
    {
        Assert.Equal(-7f, Tensor.Scalar(-7f).LogSumExp(0).Item());
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Tensor(new float[6], [2, 3]).LogSumExp(2));
        Assert.Equal("dim", e.ParamName);
        Assert.Contains("Dimension out of range (expected to be in range of [-2, 1], but got 2)", e.Message);
    }

    [Fact]
    public void EqualsTheLogOfTheSumOfExponentials_WhereThatIsSafe()
    {
        var x = new Tensor(new float[,] { { 0.5f, -1, 2 }, { 3, 0, -2 } });
        float[] y = x.LogSumExp(0).ToArray();
        float[] v = x.ToArray();
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(Math.Log(Math.Exp(v[c]) + Math.Exp(v[3 + c])), y[c], 6);
        }
    }
}
