using TinyTorch.Core;

namespace TinyTorch.Tests.Activations;

/// <summary>The claims of docs/guide.md, run as code, so the guide cannot drift from the library.</summary>
public class GuideExamplesTests
{
    [Fact]
    public void TwoLinearLayers_WithoutActivation_CollapseToOne()
    {
        Tensor w1 = Tensor.Randn([4, 3], seed: 1), w2 = Tensor.Randn([2, 4], seed: 2), x = Tensor.Randn([3, 1], seed: 3);
        Assert.True(w2.MatMul(w1.MatMul(x)).AllClose(w2.MatMul(w1).MatMul(x), rtol: 1e-5f, atol: 1e-6f));
        Assert.False(w2.MatMul(new ReLU().Forward(w1.MatMul(x))).AllClose(w2.MatMul(w1).MatMul(x), rtol: 1e-3f, atol: 1e-3f));
    }

    [Fact]
    public void TenSigmoids_ShrinkTheGradientBelowAQuarterToTheTenth()
    {
        Sigmoid[] chain = Enumerable.Range(0, 10).Select(_ => new Sigmoid()).ToArray();
        Tensor h = Tensor.Scalar(0f);
        foreach (Sigmoid s in chain)
        {
            h = s.Forward(h);
        }

        Tensor g = Tensor.Scalar(1f);
        foreach (Sigmoid s in chain.Reverse())
        {
            g = s.Backward(g);
        }

        Assert.InRange(g.Item(), 3.8e-7f, 3.9e-7f);
        Assert.True(g.Item() < Math.Pow(0.25, 10));
    }

    [Fact]
    public void BatchOf32By4096_Keeps512KBOfActivations() =>
        Assert.Equal(512 * 1024, Tensor.Zeros(32, 4096).NBytes);

    [Fact]
    public void SwiGLU_HalvesTheLastDim_AndItsBackwardFillsBothHalves()
    {
        var ffn = new SwiGLU();
        Tensor h = ffn.Forward(Tensor.Randn([8, 2048], seed: 1));
        Tensor dx = ffn.Backward(Tensor.Ones(8, 1024));
        Assert.Equal(new[] { 8, 1024 }, h.Shape.ToArray());
        Assert.Equal(new[] { 8, 2048 }, dx.Shape.ToArray());
    }

    [Fact]
    public void GLU_KeepsAProductWhoseSigmoidAloneUnderflows()
    {
        float y = new GLU().Forward(new Tensor(new[] { 1e38f, -150f }, [2])).Item();
        Assert.InRange(y, 7.1e-28f, 7.2e-28f);
    }
}
