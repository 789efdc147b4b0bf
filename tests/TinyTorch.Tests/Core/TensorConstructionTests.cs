using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

public class TensorConstructionTests
{
    [Fact]
    public void FlatDataAndShape_AreCopied_SoLaterChangesToTheArrayDoNotLeakIn()
    {
        float[] data = [1, 2, 3, 4, 5, 6];
        var t = new Tensor(data, [2, 3]);
        data[0] = 99;

        Assert.Equal(new[] { 2, 3 }, t.Shape);
        Assert.Equal(1f, t[0, 0]);
        Assert.Equal(6f, t[1, 2]);
    }

    [Fact]
    public void FlatData_WithAShapeOfTheWrongSize_ThrowsNamingBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => new Tensor(new float[5], [2, 3]));
        Assert.Contains("(2, 3)", e.Message);
        Assert.Contains("5", e.Message);
    }

    [Fact]
    public void NegativeDimension_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Tensor([], [2, -1]));
        Assert.Contains("-1", e.Message);
    }

    [Fact]
    public void FromFloat2D_TakesShapeAndRowMajorOrder()
    {
        var t = new Tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal(new[] { 2, 3 }, t.Shape);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, t.ToArray());
    }

    [Fact]
    public void FromDouble3D_IsConvertedToFloat32()
    {
        var data = new double[2, 1, 2] { { { 0.1, 1e300 } }, { { -2.5, 1e-50 } } };
        var t = new Tensor(data);

        Assert.Equal(new[] { 2, 1, 2 }, t.Shape);
        Assert.Equal(0.1f, t[0, 0, 0]);                       // rounded to the nearest float, not kept as double
        Assert.Equal(float.PositiveInfinity, t[0, 0, 1]);     // out of float range
        Assert.Equal(-2.5f, t[1, 0, 0]);
        Assert.Equal(0f, t[1, 0, 1]);                         // underflows
    }

    [Fact]
    public void FromIntArray_IsConvertedToFloat32()
    {
        var t = new Tensor(new[] { -2, 0, 7 });
        Assert.Equal(new[] { 3 }, t.Shape);
        Assert.Equal(new float[] { -2, 0, 7 }, t.ToArray());
    }

    [Fact]
    public void FromLongArray_RoundsToTheNearestFloat()
    {
        var t = new Tensor(new long[] { 3, 16_777_217 });   // 2^24 + 1 is not a float
        Assert.Equal(new float[] { 3, 16_777_216 }, t.ToArray());
    }

    [Fact]
    public void FromDoubleArray1D_IsConverted()
    {
        var t = new Tensor(new[] { 0.5, -1.0 / 3 });
        Assert.Equal(new float[] { 0.5f, -1f / 3 }, t.ToArray());
    }

    [Fact]
    public void FromArrayWithAZeroDimension_IsEmpty()
    {
        var t = new Tensor(new float[0, 3]);
        Assert.Equal(new[] { 0, 3 }, t.Shape);
        Assert.Equal(0, t.Size);
        Assert.Equal(0, t.NBytes);
    }

    [Fact]
    public void FromNonNumericArray_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Tensor(new[] { "a" }));
        Assert.Contains("String", e.Message);
    }

    [Fact]
    public void Scalar_IsZeroDimensionalWithOneElement()
    {
        Tensor s = Tensor.Scalar(2.5f);
        Assert.Equal(0, s.Rank);
        Assert.Empty(s.Shape);
        Assert.Equal(1, s.Size);
        Assert.Equal("()", s.ShapeString);
        Assert.Equal(2.5f, s.Item());
        Assert.Equal(2.5f, s[[]]);
    }

    [Fact]
    public void NBytes_IsFourBytesPerElement()
    {
        Assert.Equal(32L * 4096 * 4, Tensor.Zeros(32, 4096).NBytes);   // 512 KiB, the spec's example
    }

    [Fact]
    public void Shape_CannotBeCastBackAndChanged()
    {
        Tensor t = Tensor.Zeros(2, 3);
        Assert.False(t.Shape is int[]);
        Assert.Throws<NotSupportedException>(() => ((IList<int>)t.Shape)[0] = 6);
    }

    [Fact]
    public void FromOtherIntegerTypes_IsConverted()
    {
        Assert.Equal(new float[] { 255, 1 }, new Tensor(new byte[] { 255, 1 }).ToArray());
        Assert.Equal(new float[] { -3 }, new Tensor(new short[] { -3 }).ToArray());
        Assert.Equal(new float[] { 65535 }, new Tensor(new ushort[] { 65535 }).ToArray());
        Assert.Equal(new float[] { 1.8446744e19f }, new Tensor(new ulong[] { ulong.MaxValue }).ToArray());
        Assert.Equal(new float[] { 0.5f }, new Tensor(new[] { (Half)0.5f }).ToArray());
    }

    [Fact]
    public void ShapeString_UsesNumPyNotation()
    {
        Assert.Equal("(5,)", Tensor.Zeros(5).ShapeString);
        Assert.Equal("(2, 3)", Tensor.Zeros(2, 3).ShapeString);
    }

    [Fact]
    public void Indexer_WithNegativeIndices_CountsFromTheEnd()
    {
        Tensor t = Tensor.Arange(6).Reshape(2, 3);
        Assert.Equal(5f, t[-1, -1]);
        Assert.Equal(3f, t[-1, 0]);
        Assert.Equal(1f, t[-2, -2]);
    }

    [Fact]
    public void Indexer_Setter_WritesOneElement()
    {
        Tensor t = Tensor.Zeros(2, 2);
        t[1, -2] = 7;
        Assert.Equal(new float[] { 0, 0, 7, 0 }, t.ToArray());
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(-3, 0)]
    [InlineData(0, 3)]
    public void Indexer_OutOfRange_Throws(int i, int j)
    {
        Tensor t = Tensor.Zeros(2, 3);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => t[i, j]);
        Assert.Equal("indices", e.ParamName);
        int d = j == 0 ? 0 : 1, bad = d == 0 ? i : j, size = d == 0 ? 2 : 3;
        Assert.Equal(bad, e.ActualValue);
        Assert.Contains($"Index {bad} is out of range for dimension {d} of size {size}; valid indices are {-size} to {size - 1}.", e.Message);
    }

    [Fact]
    public void Indexer_OfAnEmptyDimension_SaysNoIndexIsValid()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 0)[0, 0]);
        Assert.Contains("dimension 1 of size 0; valid indices are none", e.Message);
    }

    [Fact]
    public void Indexer_Setter_OutOfRange_ThrowsAndWritesNothing()
    {
        Tensor t = Tensor.Zeros(2, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => t[0, 3] = 1f);
        Assert.All(t.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void FromArray_SharesMemoryWithTheCallersArray()
    {
        float[] buffer = [-1f, 0.5f, 2f, -3f];
        Tensor t = Tensor.FromArray(buffer, 2, 2);
        Assert.Equal([2, 2], t.Shape);
        buffer[0] = 9f;
        Assert.Equal(9f, t[0, 0]);        // the caller's write shows in the tensor
        t[1, 1] = 7f;
        Assert.Equal(7f, buffer[3]);      // and the tensor's in the array
        Functional.ReLU(t, t);
        Assert.Equal([9f, 0.5f, 2f, 7f], buffer);
        Assert.True(t.AsSpan().Overlaps(buffer));
    }

    [Fact]
    public void FromArray_CopiesTheShape_AndMakesAScalarFromOneElement()
    {
        int[] shape = [4];
        Tensor t = Tensor.FromArray(new float[4], shape);
        shape[0] = 2;
        Assert.Equal([4], t.Shape);
        Assert.Equal(0, Tensor.FromArray([3f]).Rank);
        Assert.Equal(3f, Tensor.FromArray([3f]).Item());
    }

    [Fact]
    public void FromArray_RejectsAShapeThatDoesNotHoldTheData()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.FromArray(new float[5], 2, 3));
        Assert.Equal("shape", e.ParamName);
        Assert.Contains("holds 6 elements but the data has 5", e.Message);
        Assert.Throws<ArgumentNullException>(() => Tensor.FromArray(null!, 1));
    }

    [Fact]
    public void AsReadOnlySpan_IsTheTensorsOwnStorage()
    {
        Tensor t = Tensor.Zeros(3);
        ReadOnlySpan<float> view = t.AsReadOnlySpan();
        t[1] = 5f;
        Assert.Equal(5f, view[1]);
        Assert.True(view.Overlaps(t.AsSpan()));
    }

    [Fact]
    public void Indexer_WithTheWrongNumberOfIndices_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3)[1]);
        Assert.Contains("Expected 2 indices", e.Message);
    }

    [Fact]
    public void Item_OfOneElementTensorOfAnyRank_ReturnsIt()
    {
        Assert.Equal(4f, new Tensor([4f], [1, 1]).Item());
    }

    [Fact]
    public void Item_OfSeveralElements_ThrowsNamingTheShape()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(2, 3).Item());
        Assert.Contains("(2, 3)", e.Message);
        Assert.Contains("exactly one element", e.Message);
    }

    [Fact]
    public void Item_OfEmptyTensor_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(0).Item());
    }

    [Fact]
    public void ToArray_IsACopy()
    {
        Tensor t = Tensor.Ones(3);
        t.ToArray()[0] = 5;
        Assert.Equal(1f, t[0]);
    }

    [Fact]
    public void AsSpan_WritesThrough()
    {
        Tensor t = Tensor.Zeros(3);
        t.AsSpan()[2] = 8;
        Assert.Equal(8f, t[2]);
    }

    [Fact]
    public void RequiresGradAndGrad_StartEmptyAndCanBeSet()
    {
        Tensor t = Tensor.Zeros(2);
        Assert.False(t.RequiresGrad);
        Assert.Null(t.Grad);

        t.RequiresGrad = true;
        t.Grad = Tensor.Ones(2);
        Assert.True(t.RequiresGrad);
        Assert.Equal(new float[] { 1, 1 }, t.Grad.ToArray());
    }
}
