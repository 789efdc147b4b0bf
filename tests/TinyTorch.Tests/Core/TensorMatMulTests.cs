using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

public class TensorMatMulTests
{
    /// <summary>Float32 sums in k order against a double truth: allow a few roundings per term.</summary>
    private static void AssertMatches(double[,] expected, Tensor actual, int k)
    {
        int m = expected.GetLength(0), n = expected.GetLength(1);
        Assert.Equal(new[] { m, n }, actual.Shape);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.True(
                    Math.Abs(actual[i, j] - expected[i, j]) <= 1e-6 * k * (1 + Math.Abs(expected[i, j])),
                    $"[{i}, {j}]: expected {expected[i, j]}, got {actual[i, j]}");
            }
        }
    }

    private static Tensor Slice(Tensor batch, int index)
    {
        int m = batch.Shape[^2], n = batch.Shape[^1];
        return new Tensor(batch.ToArray().AsSpan(index * m * n, m * n).ToArray(), [m, n]);
    }

    [Fact]
    public void MatMul_2x2_IsTheTextbookProduct()
    {
        var a = new Tensor(new float[,] { { 1, 2 }, { 3, 4 } });
        var b = new Tensor(new float[,] { { 5, 6 }, { 7, 8 } });
        Assert.Equal(new float[] { 19, 22, 43, 50 }, a.MatMul(b).ToArray());
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 4, 5)]
    [InlineData(7, 13, 37)]      // n past one vector width, with a tail
    [InlineData(16, 1, 9)]
    [InlineData(5, 64, 8)]
    public void MatMul_2D_MatchesANaiveReference(int m, int k, int n)
    {
        Tensor a = Tensor.Randn([m, k], seed: m), b = Tensor.Randn([k, n], seed: n + 100);
        AssertMatches(Naive.MatMul2D(a, b), a.MatMul(b), k);
    }

    [Fact]
    public void MatMul_LargeEnoughToSpreadOverThreads_StillMatchesTheReference()
    {
        // 256 rows × 64 × 64 = 1M multiply-adds: above ParallelRunner's threshold for more than one thread.
        Tensor a = Tensor.Randn([2, 128, 64], seed: 11), b = Tensor.Randn([64, 64], seed: 12);
        Tensor c = a.MatMul(b);
        for (int p = 0; p < 2; p++)
        {
            AssertMatches(Naive.MatMul2D(Slice(a, p), b), Slice(c, p), 64);
        }
    }

    [Fact]
    public void MatMul_Batched_MultipliesEachPair()
    {
        Tensor a = Tensor.Randn([4, 3, 5], seed: 1), b = Tensor.Randn([4, 5, 2], seed: 2);
        Tensor c = a.MatMul(b);
        Assert.Equal(new[] { 4, 3, 2 }, c.Shape);
        for (int p = 0; p < 4; p++)
        {
            AssertMatches(Naive.MatMul2D(Slice(a, p), Slice(b, p)), Slice(c, p), 5);
        }
    }

    [Fact]
    public void MatMul_BatchedTimes2D_BroadcastsTheMatrix()
    {
        Tensor a = Tensor.Randn([2, 3, 4, 5], seed: 3), w = Tensor.Randn([5, 6], seed: 4);
        Tensor c = a.MatMul(w);
        Assert.Equal(new[] { 2, 3, 4, 6 }, c.Shape);
        Tensor flat = c.Reshape(6, 4, 6), aFlat = a.Reshape(6, 4, 5);
        for (int p = 0; p < 6; p++)
        {
            AssertMatches(Naive.MatMul2D(Slice(aFlat, p), w), Slice(flat, p), 5);
        }
    }

    [Fact]
    public void MatMul_BatchDimensions_BroadcastAgainstEachOther()
    {
        // (2, 1, 3, 4) · (5, 4, 2) → batch (2, 5): element [i, j] is a[i, 0] · b[j].
        Tensor a = Tensor.Randn([2, 1, 3, 4], seed: 5), b = Tensor.Randn([5, 4, 2], seed: 6);
        Tensor c = a.MatMul(b);
        Assert.Equal(new[] { 2, 5, 3, 2 }, c.Shape);
        Tensor cFlat = c.Reshape(10, 3, 2), aFlat = a.Reshape(2, 3, 4);
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 5; j++)
            {
                AssertMatches(Naive.MatMul2D(Slice(aFlat, i), Slice(b, j)), Slice(cFlat, (i * 5) + j), 4);
            }
        }
    }

    [Fact]
    public void MatMul_TwoVectors_IsTheDotProductAsZeroD()
    {
        var a = new Tensor(new float[] { 1, 2, 3 });
        var b = new Tensor(new float[] { 4, 5, 6 });
        Tensor c = a.MatMul(b);
        Assert.Equal(0, c.Rank);
        Assert.Equal(32f, c.Item());
    }

    [Fact]
    public void MatMul_VectorTimesMatrix_TreatsTheVectorAsARowAndDropsIt()
    {
        var v = new Tensor(new float[] { 1, 2 });
        var m = new Tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Tensor c = v.MatMul(m);
        Assert.Equal(new[] { 3 }, c.Shape);
        Assert.Equal(new float[] { 9, 12, 15 }, c.ToArray());
    }

    [Fact]
    public void MatMul_MatrixTimesVector_TreatsTheVectorAsAColumnAndDropsIt()
    {
        var m = new Tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var v = new Tensor(new float[] { 1, 0, -1 });
        Tensor c = m.MatMul(v);
        Assert.Equal(new[] { 2 }, c.Shape);
        Assert.Equal(new float[] { -2, -2 }, c.ToArray());
    }

    [Fact]
    public void MatMul_BatchTimesVector_GivesABatchOfVectors()
    {
        Tensor a = Tensor.Arange(12).Reshape(2, 2, 3);
        var v = new Tensor(new float[] { 1, 1, 1 });
        Tensor c = a.MatMul(v);
        Assert.Equal(new[] { 2, 2 }, c.Shape);
        Assert.Equal(new float[] { 3, 12, 21, 30 }, c.ToArray());
    }

    [Theory]
    [InlineData(new[] { 3, 2 }, new[] { 3, 4 }, 2, 3)]
    [InlineData(new[] { 2 }, new[] { 3 }, 2, 3)]
    [InlineData(new[] { 5, 2, 4 }, new[] { 5, 3, 1 }, 4, 3)]
    [InlineData(new[] { 4, 2 }, new[] { 3 }, 2, 3)]
    public void MatMul_WithMismatchedInnerDimensions_ThrowsNamingThem(int[] aShape, int[] bShape, int k1, int k2)
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(aShape).MatMul(Tensor.Zeros(bShape)));
        Assert.Contains($"Inner dimensions must match: {k1} ≠ {k2}", e.Message);
    }

    [Fact]
    public void MatMul_WithIncompatibleBatchDimensions_ThrowsNamingBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3, 4).MatMul(Tensor.Zeros(3, 4, 5)));
        Assert.Contains("(2, 3, 4)", e.Message);
        Assert.Contains("(3, 4, 5)", e.Message);
    }

    [Fact]
    public void MatMul_WithAZeroDOperand_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Scalar(2).MatMul(Tensor.Ones(2)));
        Assert.Contains("at least one dimension", e.Message);
    }

    [Fact]
    public void MatMul_WithZeroInnerDimension_IsAllZeros()
    {
        Tensor c = Tensor.Ones(2, 0).MatMul(Tensor.Ones(0, 3));
        Assert.Equal(new[] { 2, 3 }, c.Shape);
        Assert.All(c.ToArray(), x => Assert.Equal(0f, x));
    }

    [Fact]
    public void MatMul_WithAnEmptyBatch_IsEmpty()
    {
        Tensor c = Tensor.Ones(0, 2, 3).MatMul(Tensor.Ones(3, 4));
        Assert.Equal(new[] { 0, 2, 4 }, c.Shape);
    }

    [Fact]
    public void MatMul_ZeroTimesInfinity_IsNaN_NotSkipped()
    {
        var a = new Tensor(new float[,] { { 0, 1 } });
        var b = new Tensor(new float[,] { { float.PositiveInfinity }, { 1 } });
        Assert.True(float.IsNaN(a.MatMul(b).Item()));
    }

    [Fact]
    public void MatMul_DoesNotChangeItsOperands()
    {
        Tensor a = Tensor.Randn([3, 4], seed: 9), b = Tensor.Randn([4, 2], seed: 10);
        float[] a0 = a.ToArray(), b0 = b.ToArray();
        _ = a.MatMul(b);
        Assert.Equal(a0, a.ToArray());
        Assert.Equal(b0, b.ToArray());
    }
}
