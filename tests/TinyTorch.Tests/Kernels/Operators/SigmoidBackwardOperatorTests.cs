using TinyTorch.Kernels;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Tests.Kernels.Operators;

public class SigmoidBackwardOperatorTests
{
    private static float[] Inputs() => [.. OperatorChecks.Sample().Select(v => default(SigmoidOperator).Invoke(v)), 0f, 1f, 0.5f, float.NaN, 0f, 1f, 0.25f, 0.75f, 1e-30f, 0.9999999f, 0f, 1f, 0f, 1f, 0f, 1f];

    [Fact]
    public void IsWithinTheBackwardBound()
    {
        float[] a = Inputs();
        float[] g = OperatorChecks.Gradients(a.Length);
        var dx = new float[a.Length];
        ElementwiseLoop.Binary<SigmoidBackwardOperator>(a, g, dx);
        OperatorChecks.AssertBackwardWithin(a, g, dx, (a, g) => g * (double)a * (1 - (double)a));
    }

    [Fact]
    public void EveryWidthGivesTheScalarBits()
    {
        float[] a = Inputs();
        OperatorChecks.WidthsAgree<SigmoidBackwardOperator>(a, OperatorChecks.Gradients(a.Length));
    }
}
