using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Tests.Kernels.Operators;

public class HardsigmoidOperatorTests
{
    // NOTE: the proven bound is 0.5 ULP + 3·10^-7; these sweeps hold it to 0.501, which the naive relu6(x + 3)/6
    // (two roundings, 1.00 ULP at worst) fails.
    private const double Proven = 0.501;

    [Fact]
    public void StridedSweepOverAllFloat32_IsCorrectlyRounded() =>
        OperatorChecks.StridedSweep<HardsigmoidOperator>(HardsigmoidMath.Forward, Proven);

    // x + 3 is inexact from x = 1 on (it lands in [4, 6), ulp 2^-21), where the naive form loses most.
    [Fact]
    public void EveryFloatWhereXPlus3Rounds_IsCorrectlyRounded()
    {
        OperatorChecks.DenseSweep<HardsigmoidOperator>(1f, 1.125f, HardsigmoidMath.Forward, Proven);
        OperatorChecks.DenseSweep<HardsigmoidOperator>(2.875f, 3.125f, HardsigmoidMath.Forward, Proven);
        OperatorChecks.DenseSweep<HardsigmoidOperator>(-1e-3f, -1e-6f, HardsigmoidMath.Forward, Proven);
    }

    [Fact]
    public void EveryFloatNearMinus3_IsCorrectlyRounded() =>
        OperatorChecks.DenseSweep<HardsigmoidOperator>(-3.125f, -2.875f, HardsigmoidMath.Forward, Proven);

    [Fact]
    public void EveryWidthGivesTheScalarBits() =>
        OperatorChecks.WidthsAgree<HardsigmoidOperator>(OperatorChecks.Sample());

    [Fact]
    public void Backward_IsWithinTheBound_AndEveryWidthAgrees()
    {
        float[] x = [.. OperatorChecks.Sample(), -3f, 3f, MathF.BitIncrement(-3f), MathF.BitDecrement(3f)];
        Array.Resize(ref x, x.Length + ((16 - (x.Length % 16)) % 16));
        float[] g = OperatorChecks.Gradients(x.Length);
        float[] dx = new float[x.Length];
        ElementwiseLoop.Binary<HardsigmoidBackwardOperator>(x, g, dx);
        OperatorChecks.AssertBackwardWithin(x, g, dx, (x, g) => g * HardsigmoidMath.Derivative(x));
        OperatorChecks.WidthsAgree<HardsigmoidBackwardOperator>(x, g);
    }
}
