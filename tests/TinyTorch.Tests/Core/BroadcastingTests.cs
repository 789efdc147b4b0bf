using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

public class BroadcastingTests
{
    [Theory]
    [InlineData(new[] { 2, 3 }, new[] { 3 }, new[] { 2, 3 })]
    [InlineData(new[] { 8, 1, 6, 1 }, new[] { 7, 1, 5 }, new[] { 8, 7, 6, 5 })]   // NumPy's documentation example
    [InlineData(new int[0], new[] { 2, 2 }, new[] { 2, 2 })]
    [InlineData(new[] { 1 }, new[] { 0 }, new[] { 0 })]
    public void Shape_FollowsTheNumPyRule(int[] a, int[] b, int[] expected)
    {
        Assert.Equal(expected, Broadcasting.Shape(a, b));
        Assert.Equal(expected, Broadcasting.Shape(b, a));
    }

    [Fact]
    public void Shape_Mismatch_NamesTheDimensionAndItsSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => Broadcasting.Shape([2, 3], [4]));
        Assert.Equal("Cannot broadcast shapes (2, 3) and (4,): dimension -1 has sizes 3 and 4, and neither is 1.", e.Message);
    }

    [Fact]
    public void BroadcastTo_RepeatsAlongNewAndSizeOneDimensions()
    {
        var column = new Tensor(new float[,] { { 1 }, { 2 } });
        Tensor z = column.BroadcastTo(3, 2, 2);
        Assert.Equal(new[] { 3, 2, 2 }, z.Shape);
        Assert.Equal(new float[] { 1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 2, 2 }, z.ToArray());
    }

    [Fact]
    public void BroadcastTo_AScalar_FillsTheShape()
    {
        Assert.Equal(new float[] { 7, 7, 7 }, Tensor.Scalar(7).BroadcastTo(3).ToArray());
    }

    [Theory]
    [InlineData(new[] { 3 }, new[] { 2 })]
    [InlineData(new[] { 2, 3 }, new[] { 3 })]      // cannot drop dimensions
    [InlineData(new[] { 1, 3 }, new[] { 3, 1 })]   // (3, 3) would be the broadcast, not (3, 1)
    public void BroadcastTo_AShapeItDoesNotBroadcastTo_Throws(int[] from, int[] to)
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(from).BroadcastTo(to));
        Assert.Contains("Cannot broadcast shape", e.Message);
    }
}
