using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

public class TensorShapeTests
{
    [Fact]
    public void Reshape_KeepsRowMajorOrder()
    {
        Tensor t = Tensor.Arange(6).Reshape(3, 2);
        Assert.Equal(new[] { 3, 2 }, t.Shape);
        Assert.Equal(new float[] { 0, 1, 2, 3, 4, 5 }, t.ToArray());
        Assert.Equal(2f, t[1, 0]);
    }

    [Theory]
    [InlineData(new[] { -1, 3 }, new[] { 4, 3 })]
    [InlineData(new[] { 2, -1, 2 }, new[] { 2, 3, 2 })]
    [InlineData(new[] { -1 }, new[] { 12 })]
    public void Reshape_WithOneUnknownDim_InfersIt(int[] request, int[] expected)
    {
        Assert.Equal(expected, Tensor.Zeros(3, 4).Reshape(request).Shape);
    }

    [Fact]
    public void Reshape_WithTwoUnknownDims_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).Reshape(-1, -1));
        Assert.StartsWith("Can only specify one unknown dimension with -1", e.Message);
    }

    [Fact]
    public void Reshape_WithTheWrongElementCount_ThrowsWithBothCounts()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).Reshape(2, 2));
        Assert.StartsWith("Total elements must match: 6 ≠ 4", e.Message);
    }

    [Fact]
    public void Reshape_WhenTheUnknownDimCannotBeWhole_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(7).Reshape(2, -1));
        Assert.StartsWith("Total elements must match", e.Message);
        Assert.Contains("(2, -1)", e.Message);
    }

    [Fact]
    public void Reshape_WithUnknownDimBesideAZero_IsAmbiguousAndThrows()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(0, 3).Reshape(0, -1));
        Assert.StartsWith("Cannot infer the -1 in shape (0, -1)", e.Message);
    }

    [Fact]
    public void Reshape_WithADimBelowMinusOne_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(6).Reshape(-2, -3));
        Assert.Contains("non-negative or -1", e.Message);
    }

    [Fact]
    public void Reshape_ToAndFromZeroD()
    {
        Tensor scalar = new Tensor([5f], [1, 1]).Reshape();
        Assert.Equal(0, scalar.Rank);
        Assert.Equal(new[] { 1 }, scalar.Reshape(-1).Shape);
    }

    [Fact]
    public void Reshape_EmptyTensor_ToAnotherEmptyShape()
    {
        Assert.Equal(new[] { 3, 0 }, Tensor.Zeros(0, 3).Reshape(3, 0).Shape);
    }

    [Fact]
    public void Reshape_ReturnsACopy_WritesDoNotReachTheOriginal()
    {
        Tensor t = Tensor.Zeros(2, 2);
        Tensor r = t.Reshape(4);
        r[0] = 1;
        Assert.Equal(0f, t[0, 0]);
    }

    [Fact]
    public void Transpose_Default_TransposesAMatrix()
    {
        var t = new Tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Tensor tt = t.Transpose();
        Assert.Equal(new[] { 3, 2 }, tt.Shape);
        Assert.Equal(new float[] { 1, 4, 2, 5, 3, 6 }, tt.ToArray());
    }

    [Fact]
    public void Transpose_Default_TransposesEachMatrixOfABatch()
    {
        Tensor t = Tensor.Randn([2, 3, 4], seed: 1);
        Tensor tt = t.Transpose();
        Assert.Equal(new[] { 2, 4, 3 }, tt.Shape);
        foreach (int[] i in Naive.Indices(t.Shape))
        {
            Assert.Equal(t[i], tt[i[0], i[2], i[1]]);
        }
    }

    [Theory]
    [InlineData(-2, -1)]
    [InlineData(-1, 1)]
    [InlineData(0, 2)]
    public void Transpose_MatricesLargerThanOneTile_MatchesTheIndexDefinition(int dim0, int dim1)
    {
        // 70 × 45 spans several 32 × 32 tiles with ragged edges; dims (0, 2) take the general path.
        Tensor t = Tensor.Randn([2, 70, 45], seed: 5);
        Tensor tt = t.Transpose(dim0, dim1);
        int[] p = [0, 1, 2];
        int a = dim0 < 0 ? dim0 + 3 : dim0, b = dim1 < 0 ? dim1 + 3 : dim1;
        (p[a], p[b]) = (p[b], p[a]);
        Assert.Equal(p.Select(d => t.Shape[d]), tt.Shape);
        foreach (int[] i in Naive.Indices(t.Shape))
        {
            Assert.Equal(t[i], tt[i[p[0]], i[p[1]], i[p[2]]]);
        }
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(-3, -1)]
    [InlineData(2, 0)]
    public void Transpose_AnyTwoDims_SwapsThoseIndices(int dim0, int dim1)
    {
        Tensor t = Tensor.Randn([2, 3, 4], seed: 2);
        Tensor tt = t.Transpose(dim0, dim1);
        Assert.Equal(new[] { 4, 3, 2 }, tt.Shape);
        foreach (int[] i in Naive.Indices(t.Shape))
        {
            Assert.Equal(t[i], tt[i[2], i[1], i[0]]);
        }
    }

    [Fact]
    public void Transpose_Twice_GivesTheOriginalBack()
    {
        Tensor t = Tensor.Randn([3, 5, 2, 4], seed: 3);
        Assert.Equal(t.ToArray(), t.Transpose(1, 3).Transpose(1, 3).ToArray());
    }

    [Fact]
    public void Transpose_SameDim_IsACopy()
    {
        Tensor t = Tensor.Arange(6).Reshape(2, 3);
        Assert.Equal(t.ToArray(), t.Transpose(1, 1).ToArray());
    }

    [Fact]
    public void Transpose_OfAVector_WithDefaults_IsAnUnchangedCopy()
    {
        Tensor v = Tensor.Arange(3);
        Tensor t = v.Transpose();
        Assert.Equal(new[] { 3 }, t.Shape);
        Assert.Equal(v.ToArray(), t.ToArray());
        t[0] = 9;
        Assert.Equal(0f, v[0]);
    }

    [Fact]
    public void Transpose_OfAScalar_WithDefaults_IsACopy()
    {
        Assert.Equal(4f, Tensor.Scalar(4).Transpose().Item());
    }

    [Fact]
    public void Transpose_OfAnEmptyMatrix_SwapsTheShape()
    {
        Assert.Equal(new[] { 3, 0 }, Tensor.Zeros(0, 3).Transpose().Shape);
    }

    [Fact]
    public void Transpose_WithADimOutOfRange_ThrowsWithThePyTorchMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3, 4).Transpose(0, 3));
        Assert.StartsWith("Dimension out of range (expected to be in range of [-3, 2], but got 3)", e.Message);
    }

    [Fact]
    public void Transpose_OfAVector_WithExplicitDimOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(3).Transpose(0, 1));
    }

    [Fact]
    public void ShapeOperations_NeverChangeTheInput()
    {
        Tensor t = Tensor.Randn([2, 3], seed: 4);
        float[] before = t.ToArray();
        _ = t.Reshape(3, 2);
        _ = t.Transpose();
        Assert.Equal(before, t.ToArray());
        Assert.Equal(new[] { 2, 3 }, t.Shape);
    }
}
