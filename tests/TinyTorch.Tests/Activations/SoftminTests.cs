using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class SoftminTests
{
    private static float[] Softmin(params float[] x) => new Softmin().Forward(new Tensor(x)).ToArray();

    // torch.nn.functional.softmin(torch.tensor([1., 2., 3.]), dim=0) in PyTorch 1.13.
    [Fact]
    public void Softmin_Of123_MatchesPyTorch113()
    {
        float[] y = Softmin(1, 2, 3);
        double[] torch = [0.6652409434318542, 0.2447284758090973, 0.09003057330846786];
        for (int i = 0; i < 3; i++)
        {
            Assert.True(Ulp.Error(y[i], torch[i]) <= 1, $"{i}: {y[i]:R} vs {torch[i]:R}");
        }
    }

    /// <summary>Softmin is softmax of −x bit for bit, on every dim and at every row length, so softmax's bounds hold.</summary>
    [Fact]
    public void Softmin_IsSoftmaxOfMinusX_BitForBit_OverEveryDim()
    {
        var random = new Random(5);
        int[] shape = [3, 17, 5];
        float[] x = [.. Enumerable.Range(0, 255).Select(_ => (float)((random.NextDouble() * 200) - 100))];
        for (int dim = -3; dim < 3; dim++)
        {
            float[] softmin = new Softmin(dim).Forward(new Tensor(x, shape)).ToArray();
            float[] softmax = Functional.Softmax(new Tensor([.. x.Select(v => -v)], shape), dim).ToArray();
            for (int i = 0; i < x.Length; i++)
            {
                Assert.True(OperatorChecks.SameBits(softmax[i], softmin[i]), $"dim {dim}, element {i}");
            }
        }
    }

    [Fact]
    public void Softmin_EdgeSemantics_MirrorSoftmaxs()
    {
        Assert.All(Softmin(1, float.NaN, 2), v => Assert.True(float.IsNaN(v)));
        Assert.All(Softmin(float.NegativeInfinity, 0, 1), v => Assert.True(float.IsNaN(v)));     // −x has a +∞
        Assert.Equal(new[] { 0f, 0.5f, 0.5f }, Softmin(float.PositiveInfinity, 0, 0));          // −x has a −∞ beside finite values
        float[] huge = Softmin(-1000, -1001, -1002);
        Assert.All(huge, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(1.0, huge.Sum(v => (double)v), 6);
    }

    [Fact]
    public void Backward_IsMinusSoftmaxBackward_AndUsesTheForwardsDim()
    {
        var x = new Tensor(new float[,] { { 1, 2, 0.5f }, { 3, -1, 2 } });
        var g = new Tensor(new float[,] { { 1, -1, 0.5f }, { 0.25f, 2, -3 } });
        var module = new Softmin();
        Tensor y = module.Forward(x, 0);
        float[] dx = module.Backward(g).ToArray();
        float[] softmax = Functional.SoftmaxBackward(g, y, 0).ToArray();
        Assert.Equal([.. softmax.Select(v => -v)], dx);
        Assert.Equal(dx, Functional.SoftminBackward(g, y, 0).ToArray());
    }

    [Fact]
    public void BadDims_Rows_AndDestinations_AreNamed()
    {
        var x = new Tensor(new float[6], [2, 3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Softmin(2).Forward(x));
        Assert.Equal("rowLength", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.Softmin(new float[6], new float[6], -1)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => ActivationKernels.Softmin(new float[6], new float[6], 4)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => ActivationKernels.SoftminStrided(new float[6], new float[5], 3, 2)).ParamName);
        Assert.Contains("Softmin.Backward was called before Forward", Assert.Throws<InvalidOperationException>(() => new Softmin().Backward(x)).Message);
        Assert.Equal("Softmin(dim=-1)", new Softmin().ToString());
    }

    [Fact]
    public void ZeroSizeDims_AndInPlace_Work()
    {
        Assert.Equal(new[] { 2, 0 }, new Softmin(0).Forward(new Tensor(Array.Empty<float>(), [2, 0])).Shape);
        var x = new Tensor(new float[] { 3, 1, 2, 0 }, [2, 2]);
        float[] expected = Functional.Softmin(x, 0).ToArray();
        Functional.Softmin(x, x, 0);
        Assert.Equal(expected, x.ToArray());
    }
}
