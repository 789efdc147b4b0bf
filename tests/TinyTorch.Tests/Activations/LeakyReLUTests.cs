using TinyTorch.Core;

namespace TinyTorch.Tests.Activations;

public class LeakyReLUTests
{
    private static float[] Forward(float slope, params float[] x) => new LeakyReLU(slope).Forward(new Tensor(x, [x.Length])).ToArray();

    [Fact]
    public void Edges_AreWhatPyTorchReturns()
    {
        // torch 1.13: leaky_relu([-0., 0., nan, inf, -inf, -2., 3.], 0.01) and its autograd gradient for ones.
        float[] x = [-0f, 0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, -2f, 3f];
        var module = new LeakyReLU();
        float[] y = module.Forward(new Tensor(x, [x.Length])).ToArray();
        float[] dx = module.Backward(new Tensor(Enumerable.Repeat(1f, x.Length).ToArray(), [x.Length])).ToArray();

        Assert.Equal(BitConverter.SingleToInt32Bits(-0f), BitConverter.SingleToInt32Bits(y[0]));
        Assert.Equal(BitConverter.SingleToInt32Bits(0f), BitConverter.SingleToInt32Bits(y[1]));
        Assert.True(float.IsNaN(y[2]));
        Assert.Equal([float.PositiveInfinity, float.NegativeInfinity, -2f * 0.01f, 3f], y[3..]);
        Assert.Equal([0.01f, 0.01f, 0.01f, 1f, 0.01f, 0.01f, 1f], dx);   // the slope at ±0 and at NaN, as PyTorch
    }

    [Fact]
    public void ANegativeSlope_TurnsMinusZeroIntoPlusZero_AsPyTorch()
    {
        // torch 1.13: leaky_relu(tensor([-0.]), -0.5) is [0.0]: −0 · −0.5 = +0.
        Assert.Equal(BitConverter.SingleToInt32Bits(0f), BitConverter.SingleToInt32Bits(Forward(-0.5f, -0f)[0]));
        Assert.Equal([-3f, 2f], Forward(1.5f, -2f, 2f));   // a slope above 1 is a plain product, not max(x, slope·x)
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void ANonFiniteSlope_IsRejectedByName(float slope)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LeakyReLU(slope));
        Assert.Equal("negativeSlope", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Functional.LeakyReLU(Tensor.Scalar(1), slope));
    }

    [Fact]
    public void OtherSlopes_AreOneRoundingOfTheProduct()
    {
        var random = new Random(3);
        float[] x = [.. Enumerable.Range(0, 999).Select(_ => (float)((random.NextDouble() - 0.5) * 1e4))];
        foreach (float slope in new[] { 0.2f, 0.3333f, 2.5f, -0.1f })
        {
            float[] y = Forward(slope, x);
            Assert.All(Enumerable.Range(0, x.Length), i => Assert.Equal(x[i] > 0 ? x[i] : (float)((double)x[i] * slope), y[i]));
        }
    }

    [Fact]
    public void ReprAndTheInPlaceRule()
    {
        Assert.Equal("LeakyReLU(negative_slope=0.01)", new LeakyReLU().ToString());
        Assert.Equal("LeakyReLU(negative_slope=1.0)", new LeakyReLU(1f).ToString());   // Python writes floats with a point
        var x = new Tensor([-1f, 1f], [2]);
        Assert.Throws<ArgumentException>(() => new LeakyReLU().Forward(x, x));   // saves its input: in place would lose it
        Assert.Equal([-0.01f, 1f], Functional.LeakyReLU(x, x).ToArray());      // the functional form may
    }
}
