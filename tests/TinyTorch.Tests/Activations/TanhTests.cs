using TinyTorch.Core;

namespace TinyTorch.Tests.Activations;

public class TanhTests
{
    private static float[] Tanh(params float[] x) => new Tanh().Forward(new Tensor(x)).ToArray();

    [Fact]
    public void Tanh_AtZero_IsZero() => Assert.Equal(0f, Tanh(0f)[0]);

    [Fact]
    public void Tanh_OnModerateInputs_StaysWithinMinusOneOne() =>
        Assert.All(Tanh(-10f, -1f, 0f, 1f, 10f), v => Assert.InRange(v, -1f, 1f));

    [Fact]
    public void Tanh_IsOdd() => Assert.Equal(-Tanh(2f)[0], Tanh(-2f)[0]);

    [Fact]
    public void Tanh_AtPlusMinus1000_IsPlusMinusOne()
    {
        float[] y = Tanh(-1000f, 1000f);
        Assert.True(Math.Abs(y[0] + 1) < 1e-10);
        Assert.True(Math.Abs(y[1] - 1) < 1e-10);
    }

    [Fact]
    public void Tanh_AtPlusMinus10_IsSaturated() => Assert.All(Tanh(-10f, 10f), v => Assert.True(Math.Abs(v) > 0.99f));

    [Fact]
    public void Tanh_NearZero_IsExactlyX()
    {
        // tanh(x) = x − x³/3 + …; below 2^-12 the cubic term is under half an ULP of x.
        float[] xs = [1e-30f, -1e-20f, 1e-5f, float.Epsilon, 2.4e-4f];
        Assert.Equal(xs, Tanh(xs));
    }

    [Fact]
    public void Tanh_DocExamples_Hold() =>
        Assert.Equal(new[] { -0.964, 0, 0.964 }, Tanh(-2f, 0f, 2f).Select(v => Math.Round(v, 3)));

    [Fact]
    public void Tanh_AtInfinities_IsPlusMinusOne_AndPropagatesNaN()
    {
        float[] y = Tanh(float.NegativeInfinity, float.PositiveInfinity, float.NaN);
        Assert.Equal(new[] { -1f, 1f }, y[..2]);
        Assert.True(float.IsNaN(y[2]));
    }

    [Fact]
    public void Backward_IsOneMinusTanhSquared()
    {
        var tanh = new Tanh();
        tanh.Forward(new Tensor(new[] { 0f, 1f, -3f }));
        float[] dx = tanh.Backward(new Tensor(new[] { 1f, 1f, 2f })).ToArray();
        Assert.Equal(1f, dx[0]);
        Assert.Equal(1 - Math.Pow(Math.Tanh(1), 2), dx[1], 6);
        Assert.Equal(2 * (1 - Math.Pow(Math.Tanh(-3), 2)), dx[2], 6);
    }
}
