using TinyTorch.Kernels;
using TinyTorch.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels.Operators;

public class GeluSigmoidFormBackwardOperatorTests
{
    private static float[] Inputs() => OperatorChecks.Sample();

    [Fact]
    public void IsWithinTheBackwardBound()
    {
        float[] a = Inputs();
        float[] g = OperatorChecks.Gradients(a.Length);
        var dx = new float[a.Length];
        ElementwiseLoop.Binary<GeluSigmoidFormBackwardOperator>(a, g, dx);
        OperatorChecks.AssertBackwardWithin(a, g, dx, (a, g) => g * Oracle.GeluSigmoidDerivative(a));
    }

    [Fact]
    public void EveryWidthGivesTheScalarBits()
    {
        float[] a = Inputs();
        OperatorChecks.WidthsAgree<GeluSigmoidFormBackwardOperator>(a, OperatorChecks.Gradients(a.Length));
    }
}
