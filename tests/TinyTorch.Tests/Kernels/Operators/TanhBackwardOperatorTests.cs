using TinyTorch.Kernels;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Tests.Kernels.Operators;

public class TanhBackwardOperatorTests
{
    private static float[] Inputs() => [.. OperatorChecks.Sample().Select(v => default(TanhOperator).Invoke(v)), 0f, 1f, -1f, float.NaN, -0f, 0.5f, -0.5f, 0.9999999f, -0.9999999f, 1e-30f, 0f, 1f, 0f, 1f, 0f, 1f];

    [Fact]
    public void IsWithinTheBackwardBound()
    {
        float[] a = Inputs();
        float[] g = OperatorChecks.Gradients(a.Length);
        var dx = new float[a.Length];
        ElementwiseLoop.Binary<TanhBackwardOperator>(a, g, dx);
        OperatorChecks.AssertBackwardWithin(a, g, dx, (a, g) => g * (1 - (double)a) * (1 + (double)a));
    }

    [Fact]
    public void EveryWidthGivesTheScalarBits()
    {
        float[] a = Inputs();
        OperatorChecks.WidthsAgree<TanhBackwardOperator>(a, OperatorChecks.Gradients(a.Length));
    }
}
