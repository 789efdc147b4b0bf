using TinyTorch.Core;

namespace TinyTorch.Tests.Activations;

public class Softmax2dTests
{
    [Fact]
    public void Softmax2d_NormalizesOverTheChannels_Of3dAnd4dInputs_AsSoftmaxOverDimMinus3()
    {
        var random = new Random(3);
        foreach (int[] shape in new[] { new[] { 4, 3, 2 }, [2, 4, 3, 2] })
        {
            int size = shape.Aggregate(1, (a, b) => a * b);
            var x = new Tensor([.. Enumerable.Range(0, size).Select(_ => (float)((random.NextDouble() * 20) - 10))], shape);
            Tensor y = new Softmax2d().Forward(x);
            Assert.Equal(shape, y.Shape);
            Assert.Equal(Functional.Softmax(x, -3).ToArray(), y.ToArray());

            // Every location's channels sum to 1.
            float[] v = y.ToArray();
            int channels = shape[^3], plane = shape[^1] * shape[^2];
            for (int n = 0; n < size / (channels * plane); n++)
            {
                for (int p = 0; p < plane; p++)
                {
                    double sum = Enumerable.Range(0, channels).Sum(c => (double)v[(n * channels * plane) + (c * plane) + p]);
                    Assert.Equal(1.0, sum, 6);
                }
            }
        }
    }

    // PyTorch 1.13: nn.Softmax2d()(torch.zeros(5)) and of (2, 3) and (1, 2, 3, 4, 5) raise
    // "AssertionError: Softmax2d requires a 3D or 4D tensor as input".
    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 5 })]
    [InlineData(new[] { 2, 3 })]
    [InlineData(new[] { 1, 2, 3, 4, 5 })]
    public void OtherRanks_AreRejected_InPyTorchsWords(int[] shape)
    {
        var x = new Tensor(new float[shape.Aggregate(1, (a, b) => a * b)], shape);
        var e = Assert.Throws<ArgumentException>(() => new Softmax2d().Forward(x));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("Softmax2d requires a 3D or 4D tensor as input", e.Message);
        Assert.Contains($"got a {shape.Length}D tensor", e.Message);
    }

    [Fact]
    public void Backward_IsSoftmaxBackwardOverTheChannels()
    {
        var random = new Random(4);
        int[] shape = [2, 3, 2, 2];
        var x = new Tensor([.. Enumerable.Range(0, 24).Select(_ => (float)random.NextDouble())], shape);
        var g = new Tensor([.. Enumerable.Range(0, 24).Select(_ => (float)(random.NextDouble() - 0.5))], shape);
        var module = new Softmax2d();
        Tensor y = module.Forward(x);
        Assert.Equal(Functional.SoftmaxBackward(g, y, -3).ToArray(), module.Backward(g).ToArray());
        Assert.Contains("Softmax2d.Backward was called before Forward", Assert.Throws<InvalidOperationException>(() => new Softmax2d().Backward(g)).Message);
        Assert.Equal("Softmax2d()", module.ToString());
        Assert.Empty(module.Parameters());
    }

    [Fact]
    public void ZeroSizeDims_EdgeSlices_AndTheOutputOverload()
    {
        Assert.Equal(new[] { 0, 3, 2 }, new Softmax2d().Forward(new Tensor(Array.Empty<float>(), [0, 3, 2])).Shape);
        Assert.Equal(new[] { 2, 0, 2, 2 }, new Softmax2d().Forward(new Tensor(Array.Empty<float>(), [2, 0, 2, 2])).Shape);
        var x = new Tensor(new float[] { 1000, float.NaN, 1001, 0, 1002, 0 }, [3, 1, 2]);
        var output = Tensor.Zeros([3, 1, 2]);
        Assert.Same(output, new Softmax2d().Forward(x, output));
        float[] y = output.ToArray();
        Assert.Equal(new[] { 0.090030573f, 0.244728476f, 0.665240943f }, new[] { y[0], y[2], y[4] });
        Assert.True(float.IsNaN(y[1]) && float.IsNaN(y[3]) && float.IsNaN(y[5]));
    }
}
