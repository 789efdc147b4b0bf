using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

public class TensorComparisonTests
{
    [Fact]
    public void AllClose_EqualTensors_AreClose()
    {
        Tensor a = Tensor.Randn([3, 4], seed: 1);
        Assert.True(a.AllClose(Tensor.Randn([3, 4], seed: 1)));
    }

    [Fact]
    public void AllClose_UsesAbsolutePlusRelativeTolerance()
    {
        var a = new Tensor(new float[] { 100, 0 });
        Assert.True(a.AllClose(new Tensor(new float[] { 100.0009f, 0 }), rtol: 1e-5f, atol: 0));   // 9e-4 ≤ 1e-5 · 100.0009
        Assert.False(a.AllClose(new Tensor(new float[] { 100.002f, 0 }), rtol: 1e-5f, atol: 0));
        Assert.True(a.AllClose(new Tensor(new float[] { 100, 1e-9f })));                           // within the default atol 1e-8
        Assert.False(a.AllClose(new Tensor(new float[] { 100, 1e-7f })));
    }

    [Fact]
    public void AllClose_Broadcasts()
    {
        Assert.True(Tensor.Full([2, 3], 2).AllClose(Tensor.Scalar(2)));
        Assert.False(Tensor.Full([2, 3], 2).AllClose(new Tensor(new float[] { 2, 2, 2.1f })));
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).AllClose(Tensor.Zeros(2)));
    }

    [Fact]
    public void AllClose_NaN_IsCloseOnlyWithEqualNan()
    {
        var a = new Tensor(new float[] { float.NaN, 1 });
        Assert.False(a.AllClose(a));
        Assert.True(a.AllClose(a, equalNan: true));
        Assert.False(a.AllClose(new Tensor(new float[] { 0, 1 }), equalNan: true));
    }

    [Fact]
    public void AllClose_EqualInfinitiesAreClose_OppositeOnesAreNot()
    {
        var a = new Tensor(new float[] { float.PositiveInfinity, float.NegativeInfinity });
        Assert.True(a.AllClose(a));
        Assert.False(a.AllClose(-a));
        Assert.False(a.AllClose(Tensor.Full([2], float.MaxValue)));
    }

    [Fact]
    public void AllClose_OfEmptyTensors_IsTrue()
    {
        Assert.True(Tensor.Zeros(0, 3).AllClose(Tensor.Ones(0, 3)));
    }
}
