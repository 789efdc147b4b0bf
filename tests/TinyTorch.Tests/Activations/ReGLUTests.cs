using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class ReGLUTests
{
    // PyTorch 1.13.1: a * F.relu(b) with a, b = x.chunk(2, dim), and its gradient: exact products, so bit for bit.
    [Fact]
    public void MatchesPyTorch() => PyTorchPins.Check(
        dim => new ReGLU(dim),
        [0f, -9.375f, 0f, 6f, 0f, -0.225000009f],
        [0f, -15f, 0f, 0f, 2.5f, 0f, 1f, 0f, -0.450000018f, 0.375f, 0f, 1.125f],
        [0.75f, -0.3125f, 0f, -12f, 0f, -0.0300000012f],
        [1.5f, -0.5f, 0f, 1f, 0f, -0.450000018f, 0.5f, 2.5f, 0f, -0.75f, 0f, 0.150000006f],
        ulps: 0);

    [Fact]
    public void NegativeZeroGateGivesASignedZero()
    {
        float[] y = new ReGLU().Forward(new Tensor(new[] { 2f, -0f }, [2])).ToArray();
        Assert.Equal(-0f, y[0]);
        Assert.True(float.IsNegative(y[0]));
    }
}
