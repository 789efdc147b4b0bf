using TinyTorch.Kernels;
using TinyTorch.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels.Operators;

public class GeluExactFormBackwardOperatorTests
{
    private static float[] Inputs() => OperatorChecks.Sample();

    [Fact]
    public void IsWithinTheBackwardBound()
    {
        float[] a = Inputs();
        float[] g = OperatorChecks.Gradients(a.Length);
        var dx = new float[a.Length];
        ElementwiseLoop.Binary<GeluExactFormBackwardOperator>(a, g, dx);
        OperatorChecks.AssertBackwardWithin(a, g, dx, (a, g) => g * Oracle.GeluExactDerivative(a));
    }

    [Fact]
    public void EveryWidthGivesTheScalarBits()
    {
        float[] a = Inputs();
        OperatorChecks.WidthsAgree<GeluExactFormBackwardOperator>(a, OperatorChecks.Gradients(a.Length));
    }
}
