using TinyTorch.Core;

namespace TinyTorch.Tests.Activations;

/// <summary>The activations together, as a network uses them.</summary>
public class IntegrationTests
{
    [Fact]
    public void EveryActivation_On2x2_ReturnsATensorOfTheSameShape()
    {
        var x = new Tensor(new float[,] { { -1, 2 }, { 3, -4 } });
        foreach (IActivation activation in new IActivation[] { new ReLU(), new Sigmoid(), new Tanh(), new GELU(), new Softmax() })
        {
            Tensor y = activation.Forward(x);
            Assert.IsType<Tensor>(y);
            Assert.Equal(new[] { 2, 2 }, y.Shape);
        }
    }

    [Fact]
    public void ReLUThenSoftmax_GivesTheExpectedHiddenLayer_AndAProbabilityDistribution()
    {
        var x = new Tensor(new float[,] { { -1, 0, 1, 2 } });
        Tensor hidden = new ReLU().Forward(x);
        Assert.Equal(new[] { 0f, 0f, 1f, 2f }, hidden.ToArray());
        Tensor output = new Softmax().Forward(hidden);
        Assert.Equal(1.0, output.ToArray().Sum(v => (double)v), 6);
        Assert.Equal(1f, output.Sum().Item(), 6);
    }

    [Fact]
    public void Outputs_CombineWithPlusAndTimes()
    {
        var x = new Tensor(new[] { -1f, 0f, 1f });
        Tensor relu = new ReLU().Forward(x), sigmoid = new Sigmoid().Forward(x);
        Tensor sum = relu + sigmoid, product = relu * sigmoid;
        float[] s = sigmoid.ToArray();
        Assert.Equal(new[] { s[0], s[1], 1 + s[2] }, sum.ToArray());
        Assert.Equal(new[] { 0f, 0f, s[2] }, product.ToArray());
    }

    [Fact]
    public void SigmoidAndTanh_AreRelated_TanhIsTwoSigmoidOfTwoXMinusOne()
    {
        var x = new Tensor(new[] { -3f, -0.5f, 0.25f, 2f });
        Tensor viaSigmoid = (2f * new Sigmoid().Forward(2f * x)) - 1f;
        Assert.True(viaSigmoid.AllClose(new Tanh().Forward(x), rtol: 1e-6f, atol: 1e-6f));
    }

    [Fact]
    public void ChainRule_ThroughTwoActivations_MatchesTheProductOfSlopes()
    {
        // L = Σ sigmoid(tanh(x)): dL/dx = σ'(tanh x) · tanh'(x).
        var x = new Tensor(new[] { -1f, 0.5f, 2f });
        var tanh = new Tanh();
        var sigmoid = new Sigmoid();
        Tensor h = tanh.Forward(x);
        sigmoid.Forward(h);
        Tensor dx = tanh.Backward(sigmoid.Backward(Tensor.Ones(3)));
        for (int i = 0; i < 3; i++)
        {
            double t = Math.Tanh(x[i]), s = 1 / (1 + Math.Exp(-t));
            Assert.Equal(s * (1 - s) * (1 - (t * t)), dx[i], 6);
        }
    }

    [Fact]
    public void Softmax_OfALinearLayer_IsBatchedRowWise()
    {
        // A 2×3 batch times a 3×4 weight, then softmax over the 4 classes.
        Tensor logits = Tensor.Arange(6).Reshape(2, 3).MatMul(Tensor.Full([3, 4], 0.1f));
        Tensor p = new Softmax().Forward(logits);
        Tensor rowSums = p.Sum(1);
        Assert.Equal(new[] { 2 }, rowSums.Shape);
        Assert.All(rowSums.ToArray(), v => Assert.Equal(1f, v, 6));
    }
}
