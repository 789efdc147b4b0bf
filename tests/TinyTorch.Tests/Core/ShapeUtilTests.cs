using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

public class ShapeUtilTests
{
    [Theory]
    [InlineData(65536, 65536, 0)]
    [InlineData(0, 65536, 65536)]
    [InlineData(65536, 0, 65536)]
    [InlineData(int.MaxValue, int.MaxValue, 0)]
    public void CheckedSize_OfAShapeWithAZero_IsZeroWhereverTheZeroIs(int a, int b, int c) =>
        Assert.Equal(0, ShapeUtil.CheckedSize([a, b, c], "shape"));

    [Fact]
    public void CheckedSize_StillRejectsNegativeDims_EvenBesideAZero()
    {
        var e = Assert.Throws<ArgumentException>(() => ShapeUtil.CheckedSize([0, 65536, -1], "shape"));
        Assert.Equal("shape", e.ParamName);
        Assert.Contains("(0, 65536, -1) has -1", e.Message);
    }

    [Fact]
    public void CheckedSize_StillRejectsShapesTooLargeForOneArray_InEitherOrder()
    {
        var e = Assert.Throws<ArgumentException>(() => ShapeUtil.CheckedSize([65536, 65536, 1], "shape"));
        Assert.Contains("(65536, 65536, 1) has more elements than one array can hold", e.Message);
        Assert.Throws<ArgumentException>(() => ShapeUtil.CheckedSize([1, 65536, 65536], "shape"));
        Assert.Throws<ArgumentException>(() => ShapeUtil.CheckedSize([65536, 65536, 65536, 65536, 65536], "shape"));
    }

    [Fact]
    public void Product_SaturatesInsteadOfWrapping() =>
        Assert.Equal(long.MaxValue, ShapeUtil.Product([65536, 65536, 65536, 65536, 65536]));

    [Fact]
    public void SplitAt_AnEmptyShapeWhoseDimsAfterPass2To31_GivesZeroNotANegativeStride() =>
        Assert.Equal((1, 0, 0), ShapeUtil.SplitAt([0, 65536, 32768], 0));   // 2^31 once wrapped to int.MinValue

    [Fact]
    public void SplitAt_AnEmptyShapeWhoseDimsBeforePass2To31_GivesZeroNotAWrappedCount() =>
        Assert.Equal((0, 0, 1), ShapeUtil.SplitAt([65536, 32768, 0], 2));

    [Fact]
    public void SplitAt_OfANonEmptyShape_IsTheProductsBeforeAndAfter() =>
        Assert.Equal((6, 4, 5), ShapeUtil.SplitAt([2, 3, 4, 5], 2));
}
