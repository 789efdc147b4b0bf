using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class SwiGLUTests
{
    // PyTorch 1.13.1: a * F.silu(b) with a, b = x.chunk(2, dim), and its autograd gradient, for PyTorchPins' x and g.
    [Fact]
    public void MatchesPyTorch() => PyTorchPins.Check(
        dim => new SwiGLU(dim),
        [-0.0711388066f, -9.36981773f, -0.0950041637f, 5.89208269f, -0.0474113636f, -0.129249573f],
        [-0.142277613f, -14.9917078f, -0.0237510409f, -0.0440520532f, 2.50897765f, 0.450083196f, 0.982013762f, -0.568936348f, -0.258499146f, 0.394749254f, -0.0745508298f, 0.728752494f],
        [0.613180816f, -0.175680161f, -0.481231928f, -11.7841654f, -1.42234087f, -0.0172332767f],
        [1.22636163f, -0.281088263f, -0.120307982f, 0.982013762f, -0.568936348f, -0.258499146f, 0.520647109f, 1.55927503f, 0.157400042f, -0.789498508f, -2.23652482f, 0.0971670151f]);

    // a·b overflows float, a·b·σ(b) does not: PyTorch's a * F.silu(b) gives 0 here (silu(−100) rounds to −3.7e−42 first).
    [Fact]
    public void LargeValuesTimesAFarNegativeGateStayExact()
    {
        float y = new SwiGLU().Forward(new Tensor(new[] { 3e38f, -100f }, [2])).ToArray()[0];
        Assert.True(Ulp.Error(y, 3e38 * -100 / (1 + Math.Exp(100))) <= 0.57, $"{y:R}");
    }
}
