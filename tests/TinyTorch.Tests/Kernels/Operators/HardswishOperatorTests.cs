using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Tests.Kernels.Operators;

public class HardswishOperatorTests
{
    // NOTE: the proven bound is 0.5 ULP + 2·10^-6; these sweeps hold it to 0.501, which the naive x·relu6(x + 3)/6
    // (three roundings, 1.91 ULP at worst) fails.
    private const double Proven = 0.501;

    [Fact]
    public void StridedSweepOverAllFloat32_IsCorrectlyRounded() =>
        OperatorChecks.StridedSweep<HardswishOperator>(HardswishMath.Forward, Proven);

    [Fact]
    public void EveryFloatWhereXPlus3Rounds_IsCorrectlyRounded()
    {
        OperatorChecks.DenseSweep<HardswishOperator>(1f, 1.125f, HardswishMath.Forward, Proven);
        OperatorChecks.DenseSweep<HardswishOperator>(2.875f, 3.125f, HardswishMath.Forward, Proven);
        OperatorChecks.DenseSweep<HardswishOperator>(1e-6f, 1e-3f, HardswishMath.Forward, Proven);
        OperatorChecks.DenseSweep<HardswishOperator>(-1e-3f, -1e-6f, HardswishMath.Forward, Proven);
    }

    // Near −3 the result is tiny and x + 3 cancels; near −1.5 the slope is 0.
    [Fact]
    public void EveryFloatNearMinus3_AndNearTheMinimum_IsCorrectlyRounded()
    {
        OperatorChecks.DenseSweep<HardswishOperator>(-3.125f, -2.875f, HardswishMath.Forward, Proven);
        OperatorChecks.DenseSweep<HardswishOperator>(-1.5625f, -1.4375f, HardswishMath.Forward, Proven);
    }

    [Fact]
    public void EveryWidthGivesTheScalarBits() =>
        OperatorChecks.WidthsAgree<HardswishOperator>(OperatorChecks.Sample());

    [Fact]
    public void Backward_IsWithinTheBound_AndEveryWidthAgrees()
    {
        float[] x = [.. OperatorChecks.Sample(), -3f, 3f, MathF.BitIncrement(-3f), MathF.BitDecrement(3f), -1.5f];
        Array.Resize(ref x, x.Length + ((16 - (x.Length % 16)) % 16));
        float[] g = OperatorChecks.Gradients(x.Length);
        float[] dx = new float[x.Length];
        ElementwiseLoop.Binary<HardswishBackwardOperator>(x, g, dx);
        OperatorChecks.AssertBackwardWithin(x, g, dx, (x, g) => g * HardswishMath.Derivative(x));
        OperatorChecks.WidthsAgree<HardswishBackwardOperator>(x, g);
    }
}
