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
    public void LogOfSoftmaxInTwoSteps_LosesDigitsThenEverything_WhereLogSoftmaxIsExact()
    {
        var x = new Tensor(new float[] { 0, -100 });
        Assert.Equal(-99.983, MathF.Log(Functional.Softmax(x).ToArray()[1]), 3);
        Assert.Equal(-100f, Functional.LogSoftmax(x).ToArray()[1]);
        var y = new Tensor(new float[] { 0, -110 });
        Assert.Equal(float.NegativeInfinity, MathF.Log(Functional.Softmax(y).ToArray()[1]));
        Assert.Equal(-110f, Functional.LogSoftmax(y).ToArray()[1]);
    }

    [Fact]
    public void TheNllGradient_IsSoftmaxMinusOneHot()
    {
        var logits = new Tensor(new float[] { 2, -1, 0.5f });
        var logSoftmax = new LogSoftmax();
        Tensor y = logSoftmax.Forward(logits);
        const int Target = 2;
        float nll = -y.ToArray()[Target];
        Assert.Equal(-Math.Log(Math.Exp(0.5) / (Math.Exp(2) + Math.Exp(-1) + Math.Exp(0.5))), nll, 6);
        float[] dx = logSoftmax.Backward(new Tensor(new float[] { 0, 0, -1 })).ToArray();
        float[] p = Functional.Softmax(logits).ToArray();
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(p[i] - (i == Target ? 1 : 0), dx[i], 6);
        }
    }

    [Fact]
    public void LogSumExp_IsMaxPlusLogOfTheRest_AndFollowsTorchAtTheEdges()
    {
        Assert.Equal(1000 + Math.Log(1 + Math.Exp(-1)), new Tensor(new float[] { 1000, 999 }).LogSumExp(0).Item(), 3);
        Assert.Equal(float.NegativeInfinity, new Tensor(Array.Empty<float>(), [0]).LogSumExp(0).Item());
    }

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
