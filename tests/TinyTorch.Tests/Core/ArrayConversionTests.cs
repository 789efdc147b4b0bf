using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

public class ArrayConversionTests
{
    public static TheoryData<int> Ranks => [1, 2, 3, 4];

    [Fact]
    public void AMillionElementFloatMatrix_AllocatesAboutTheOutputOnly()
    {
        var data = new float[1024, 1024];
        data[1023, 1023] = 7f;
        AssertAllocatesLessThanTwiceTheOutput(data);
    }

    [Fact]
    public void AMillionElementDouble3dArray_AllocatesAboutTheOutputOnly()
    {
        var data = new double[64, 128, 128];
        data[63, 127, 127] = 7.0;
        AssertAllocatesLessThanTwiceTheOutput(data);
    }

    [Fact]
    public void AMillionElementIntegerOrHalfArray_AllocatesAboutTheOutputOnly()
    {
        AssertAllocatesLessThanTwiceTheOutput(new int[1024, 1024]);
        AssertAllocatesLessThanTwiceTheOutput(new byte[16, 256, 256]);
        AssertAllocatesLessThanTwiceTheOutput(new Half[4, 16, 128, 128]);
    }

    [Theory]
    [MemberData(nameof(Ranks))]
    public void EveryElementType_ComesOutRowMajor_WithEachValueConvertedAsByACast(int rank)
    {
        // Each element's value encodes its row-major position, so a wrong order shows as wrong values.
        Check(rank, i => (float)(i * 0.1f) - 3f, v => v);
        Check(rank, i => (i * 0.1) - 3.0, v => (float)v);
        Check(rank, i => (i * 1000003) - 20, v => v);
        Check(rank, i => (i * 1234567890123L) - 7, v => v);
        Check(rank, i => (short)((i * 977) - 3000), v => v);
        Check(rank, i => (byte)(i * 7), v => v);
        Check(rank, i => (sbyte)((i * 5) - 60), v => v);
        Check(rank, i => (uint)i * 4000000u, v => v);
        Check(rank, i => (ushort)(i * 1111), v => v);
        Check(rank, i => (ulong)i * 600000000000000000UL, v => v);
        Check(rank, i => (Half)((i * 0.25f) - 2f), v => (float)v);
    }

    [Fact]
    public void ExtremesConvertAsTheirCasts()
    {
        Assert.Equal(new[] { (float)double.MaxValue, (float)1e-50, (float)0.1 }, new Tensor(new double[,] { { double.MaxValue, 1e-50, 0.1 } }).ToArray());
        Assert.Equal((float)long.MinValue, new Tensor(new long[,] { { long.MinValue } }).Item());
        Assert.Equal((float)ulong.MaxValue, new Tensor(new ulong[,,] { { { ulong.MaxValue } } }).Item());
        Assert.Equal(-128f, new Tensor(new sbyte[,] { { sbyte.MinValue } }).Item());
        Assert.True(float.IsNaN(new Tensor(new double[,] { { double.NaN } }).Item()));
        Assert.Equal(65504f, new Tensor(new Half[,] { { Half.MaxValue } }).Item());
    }

    [Fact]
    public void UnsupportedElementType_KeepsItsMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => new Tensor(new decimal[2, 2]));
        Assert.Equal("data", e.ParamName);
        Assert.StartsWith(
            "Cannot make a tensor from an array of Decimal; expected float, double, int, long, short, byte, sbyte, uint, ushort, ulong or Half elements.",
            e.Message);
        Assert.Throws<ArgumentException>(() => new Tensor(new bool[3]));
    }

    private static void AssertAllocatesLessThanTwiceTheOutput(Array data)
    {
        _ = new Tensor(data);   // warm up: JIT and type initializers allocate once
        long before = GC.GetAllocatedBytesForCurrentThread();
        var tensor = new Tensor(data);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(data.Length, tensor.Size);
        long output = (long)data.Length * sizeof(float);
        Assert.True(allocated < 2 * output, $"{data.GetType().Name} of {data.Length} elements allocated {allocated} bytes; the output is {output}.");
    }

    /// <summary>A rank-<paramref name="rank"/> array of T whose element at row-major position i is value(i).</summary>
    private static void Check<T>(int rank, Func<int, T> value, Func<T, float> cast)
    {
        int[] lengths = rank switch
        {
            1 => [7],
            2 => [3, 5],
            3 => [2, 3, 4],
            _ => [2, 1, 3, 2],
        };
        var data = Array.CreateInstance(typeof(T), lengths);
        int size = lengths.Aggregate(1, (a, b) => a * b);
        var expected = new float[size];
        var index = new int[rank];
        for (int i = 0; i < size; i++)
        {
            data.SetValue(value(i), index);
            expected[i] = cast(value(i));
            for (int d = rank - 1; d >= 0 && ++index[d] == lengths[d]; d--)
            {
                index[d] = 0;
            }
        }

        var tensor = new Tensor(data);
        Assert.Equal(lengths, tensor.Shape);
        Assert.True(expected.SequenceEqual(tensor.ToArray()), $"{typeof(T).Name}[{new string(',', rank - 1)}]: {string.Join(", ", tensor.ToArray())}");
    }
}
