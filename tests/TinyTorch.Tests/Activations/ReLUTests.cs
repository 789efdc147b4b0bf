using TinyTorch.Core;

namespace TinyTorch.Tests.Activations;

public class ReLUTests
{
    [Fact]
    public void ReLU_OnMixedValues_ZeroesTheNegatives()
    {
        Tensor y = new ReLU().Forward(new Tensor(new[] { -2f, -1f, 0f, 1f, 2f }));
        Assert.Equal(new[] { 0f, 0f, 0f, 1f, 2f }, y.ToArray());
    }

    [Fact]
    public void ReLU_AllNegative_GivesZeros() =>
        Assert.All(new ReLU().Forward(new Tensor(new[] { -5f, -0.1f, -1e-30f })).ToArray(), v => Assert.Equal(0f, v));

    [Fact]
    public void ReLU_AllPositive_IsUnchanged()
    {
        float[] x = [0.5f, 1f, 1e30f, float.Epsilon];
        Assert.Equal(x, new ReLU().Forward(new Tensor(x)).ToArray());
    }

    [Fact]
    public void ReLU_OfMinus1Minus2Minus3And1_HasThreeZeros() =>
        Assert.Equal(3, new ReLU().Forward(new Tensor(new[] { -1f, -2f, -3f, 1f })).ToArray().Count(v => v == 0f));

    [Fact]
    public void ReLU_On2d_KeepsShape()
    {
        Tensor y = new ReLU().Forward(new Tensor(new float[,] { { -1, 2 }, { 3, -4 } }));
        Assert.Equal(new[] { 2, 2 }, y.Shape);
        Assert.Equal(new[] { 0f, 2f, 3f, 0f }, y.ToArray());
    }

    [Fact]
    public void ReLU_AtPlusMinus1000_IsExact() =>
        Assert.Equal(new[] { 0f, 1000f }, new ReLU().Forward(new Tensor(new[] { -1000f, 1000f })).ToArray());

    [Fact]
    public void ReLU_PropagatesNaN_AndMapsInfinities()
    {
        float[] y = new ReLU().Forward(new Tensor(new[] { float.NaN, float.NegativeInfinity, float.PositiveInfinity })).ToArray();
        Assert.True(float.IsNaN(y[0]));
        Assert.Equal(0f, y[1]);
        Assert.Equal(float.PositiveInfinity, y[2]);
    }

    [Fact]
    public void Forward_DoesNotChangeItsInput()
    {
        var x = new Tensor(new[] { -1f, 2f });
        new ReLU().Forward(x);
        Assert.Equal(new[] { -1f, 2f }, x.ToArray());
    }

    [Fact]
    public void ForwardInPlace_OverwritesAndReturnsTheInput()
    {
        var x = new Tensor(new[] { -1f, 2f, -3f, 4f });
        Tensor y = new ReLU().ForwardInPlace(x);
        Assert.Same(x, y);
        Assert.Equal(new[] { 0f, 2f, 0f, 4f }, x.ToArray());
    }

    [Fact]
    public void Backward_PassesGradientWherePositive_AndIsZeroAtZero()
    {
        var relu = new ReLU();
        relu.Forward(new Tensor(new[] { -1f, 0f, 2f, 3f }));
        Tensor dx = relu.Backward(new Tensor(new[] { 5f, 6f, 7f, 8f }));
        Assert.Equal(new[] { 0f, 0f, 7f, 8f }, dx.ToArray());
    }

    [Fact]
    public void Backward_AfterForwardInPlace_UsesTheSameMask()
    {
        var relu = new ReLU();
        relu.ForwardInPlace(new Tensor(new[] { -1f, 0f, 2f }));
        Assert.Equal(new[] { 0f, 0f, 1f }, relu.Backward(new Tensor(new[] { 1f, 1f, 1f })).ToArray());
    }

    [Fact]
    public void ReLU_OnLongInputs_MatchesScalarDefinitionAtEveryLength()
    {
        // Lengths around every vector width and unroll boundary exercise the loop's remainder handling.
        var random = new Random(7);
        for (int n = 0; n <= 80; n++)
        {
            float[] x = Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();
            float[] y = new ReLU().Forward(new Tensor(x, [n])).ToArray();
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(x[i] > 0 ? x[i] : 0f, y[i]);
            }
        }
    }
}
