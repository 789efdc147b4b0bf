using TinyTorch.Core;

namespace TinyTorch.Tests.Activations;

public class SigmoidTests
{
    private static float[] Sigmoid(params float[] x) => new Sigmoid().Forward(new Tensor(x)).ToArray();

    [Fact]
    public void Sigmoid_AtZero_IsExactlyOneHalf() => Assert.Equal(0.5f, Sigmoid(0f)[0]);

    [Fact]
    public void Sigmoid_OnModerateInputs_StaysStrictlyInsideZeroOne() =>
        Assert.All(Sigmoid(-10f, -1f, 0f, 1f, 10f), v => Assert.True(v > 0f && v < 1f, $"{v} is not in (0, 1)"));

    [Fact]
    public void Sigmoid_AtMinus1000_IsZeroWithoutOverflow()
    {
        float v = Sigmoid(-1000f)[0];
        Assert.True(float.IsFinite(v));
        Assert.True(Math.Abs(v) < 1e-10);
    }

    [Fact]
    public void Sigmoid_AtPlus1000_IsOneWithoutOverflow() => Assert.True(Math.Abs(Sigmoid(1000f)[0] - 1) < 1e-10);

    [Fact]
    public void Sigmoid_IsSymmetric_SigmoidOfMinusXIsOneMinusSigmoidOfX()
    {
        float[] xs = [0.1f, 0.5f, 1f, 2f, 5f, 10f];
        float[] pos = Sigmoid(xs), neg = Sigmoid(xs.Select(v => -v).ToArray());
        for (int i = 0; i < xs.Length; i++)
        {
            Assert.Equal(1.0, (double)pos[i] + neg[i], 7);
        }
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 5 })]
    [InlineData(new[] { 1, 5 })]
    public void Sigmoid_OnReferenceValues_MatchesWithin1e7_InEveryShape(int[] shape)
    {
        float[] x = [-1000f, -1f, 0f, 1f, 1000f];
        double[] expected = [0, 0.26894142, 0.5, 0.73105858, 1];
        if (shape.Length == 0)
        {
            for (int i = 0; i < x.Length; i++)
            {
                Assert.Equal(expected[i], new Sigmoid().Forward(Tensor.Scalar(x[i])).Item(), 7);
            }

            return;
        }

        Tensor y = new Sigmoid().Forward(new Tensor(x, shape));
        Assert.Equal(shape, y.Shape);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(Math.Abs(y.ToArray()[i] - expected[i]) < 1e-7, $"sigmoid({x[i]}) = {y.ToArray()[i]}");
        }
    }

    [Fact]
    public void Sigmoid_DocExamples_Hold()
    {
        float[] y = Sigmoid(-3f, -1f, 0f, 1f, 3f);
        Assert.Equal(new[] { 0.05, 0.27, 0.5, 0.73, 0.95 }, y.Select(v => Math.Round(v, 2)));
        Assert.Equal(new[] { 0.119, 0.5, 0.881 }, Sigmoid(-2f, 0f, 2f).Select(v => Math.Round(v, 3)));
    }

    [Fact]
    public void Sigmoid_AtInfinities_ReachesItsLimits_AndPropagatesNaN()
    {
        float[] y = Sigmoid(float.NegativeInfinity, float.PositiveInfinity, float.NaN);
        Assert.Equal(0f, y[0]);
        Assert.Equal(1f, y[1]);
        Assert.True(float.IsNaN(y[2]));
    }

    [Fact]
    public void Backward_AtZero_IsOneQuarter()
    {
        var sigmoid = new Sigmoid();
        sigmoid.Forward(Tensor.Scalar(0f));
        Assert.Equal(0.25f, sigmoid.Backward(Tensor.Scalar(1f)).Item());
    }

    [Fact]
    public void Backward_ScalesByGradOutput()
    {
        var sigmoid = new Sigmoid();
        sigmoid.Forward(new Tensor(new[] { 0f, 2f }));
        float[] dx = sigmoid.Backward(new Tensor(new[] { 4f, -2f })).ToArray();
        Assert.Equal(1f, dx[0]);
        double s2 = 1 / (1 + Math.Exp(-2));
        Assert.Equal(-2 * s2 * (1 - s2), dx[1], 6);
    }
}
