using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class GeGLUTests
{
    // PyTorch 1.13.1: a * F.gelu(b, approximate='tanh') with a, b = x.chunk(2, dim), and its gradient.
    [Fact]
    public void TanhFormMatchesPyTorch() => PyTorchPins.Check(
        dim => new GeGLU(dim),
        [-0.00181871653f, -9.375f, -0.0920344964f, 5.9998951f, -0.00377107412f, -0.139028206f],
        [-0.00363743305f, -15f, -0.0230086241f, -0.00579214841f, 2.5f, 0.420478195f, 0.999982476f, -0.0452528894f, -0.278056413f, 0.375125617f, -0.0284637399f, 0.823832452f],
        [0.699785769f, -0.187094197f, -0.34007895f, -11.9997902f, -0.113132223f, -0.0185370948f],
        [1.39957154f, -0.299350709f, -0.0850197375f, 0.999982476f, -0.0452528894f, -0.278056413f, 0.56385541f, 1.7383852f, 0.00106173754f, -0.750251234f, -0.853912175f, 0.109844334f]);

    // PyTorch 1.13.1: a * F.gelu(b) (approximate='none'); the exact form is composed and within 4 ULP.
    [Fact]
    public void ExactFormMatchesPyTorch() => PyTorchPins.Check(
        dim => new GeGLU(dim, GeluApproximation.None),
        [-0.00202484429f, -9.375f, -0.0920344368f, 5.99980974f, -0.00388104469f, -0.139030069f],
        [-0.00404968858f, -15f, -0.0230086092f, -0.00597282453f, 2.5f, 0.420476913f, 0.99996829f, -0.0465725362f, -0.278060138f, 0.375188887f, -0.0282083116f, 0.823868752f],
        [0.699894547f, -0.187095702f, -0.339940935f, -11.9996195f, -0.116431341f, -0.0185373425f],
        [1.39978909f, -0.299353123f, -0.0849852338f, 0.99996829f, -0.0465725362f, -0.278060138f, 0.563734591f, 1.73843324f, 0.000774204731f, -0.750377774f, -0.846248984f, 0.10984917f],
        ulps: 6);

    [Fact]
    public void DefaultFormIsTanhAsT5()
    {
        Assert.Equal(GeluApproximation.Tanh, new GeGLU().Approximate);
        Assert.Equal(
            Functional.GeGLU(PyTorchPins.X).ToArray(),
            Functional.GeGLU(PyTorchPins.X, -1, GeluApproximation.Tanh).ToArray());
    }

    [Fact]
    public void SigmoidFormIsATimesTheSigmoidFormOfGelu()
    {
        float[] y = new GeGLU(-1, GeluApproximation.Sigmoid).Forward(new Tensor(new[] { 3f, -2f }, [2])).ToArray();
        Assert.True(Ulp.Error(y[0], 3 * -2 / (1 + Math.Exp(1.702 * 2))) <= 0.57, $"{y[0]:R}");
    }
}
