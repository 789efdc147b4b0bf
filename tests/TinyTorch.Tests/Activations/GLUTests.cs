using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class GLUTests
{
    // PyTorch 1.13.1: F.glu(x, dim) and its autograd gradient, for PyTorchPins' x and g.
    [Fact]
    public void MatchesPyTorch() => PyTorchPins.Check(
        dim => new GLU(dim),
        [0.0237129368f, -1.24930894f, 0.950041592f, 1.47302067f, 0.0189645439f, -0.430831879f],
        [0.0474258736f, -1.99889433f, 0.237510398f, 0.0225883294f, 0.00138131855f, 0.249376059f, 0.24550344f, 0.227574527f, -0.861663759f, 0.00662352517f, 0.0525777861f, 0.275015593f],
        [0.408787221f, -0.702720642f, 0.64164257f, -2.94604135f, 0.568936348f, -0.0574442521f],
        [0.817574441f, -1.12435305f, 0.160410643f, 0.24550344f, 0.227574527f, -0.861663759f, 0.0745732337f, 0.615335166f, 0.217894986f, -0.0132470503f, 1.57733345f, 0.0366687477f]);

    // PyTorch 1.13.1 computes σ(b) first: F.glu([inf, 1e38, −150, −150]) gives [nan, 0]. The limit a·σ(b) is +∞, and
    // 1e38·σ(−150) = 7.17e−28 is a normal float: here both are kept (GLUOperator's remarks).
    [Fact]
    public void KeepsWhatPyTorchLosesWhereTheSigmoidUnderflows()
    {
        float[] y = new GLU().Forward(new Tensor(new[] { float.PositiveInfinity, 1e38f, -150f, -150f }, [4])).ToArray();
        Assert.Equal(float.PositiveInfinity, y[0]);
        Assert.True(Ulp.Error(y[1], 1e38 * Math.Exp(-150)) <= 0.57, $"{y[1]:R}");
    }

    [Fact]
    public void FunctionalBackwardMatchesTheModule()
    {
        var module = new GLU(0);
        module.Forward(PyTorchPins.X);
        Assert.Equal(module.Backward(PyTorchPins.GradFirst).ToArray(), Functional.GLUBackward(PyTorchPins.GradFirst, PyTorchPins.X, 0).ToArray());
    }
}
