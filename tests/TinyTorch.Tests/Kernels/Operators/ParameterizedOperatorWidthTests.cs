using System.Runtime.Intrinsics;
using TinyTorch.Kernels;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Tests.Kernels.Operators;

/// <summary>
/// The piecewise operators that carry parameters, at non-default ones: each width's body, called directly (the
/// 512-bit one too, which the loop skips on hardware without AVX-512), gives the scalar body's bits.
/// </summary>
public class ParameterizedOperatorWidthTests
{
    [Fact]
    public void Hardtanh() => Check(new HardtanhOperator(-2.5f, 0.75f), new HardtanhBackwardOperator(-2.5f, 0.75f));

    [Fact]
    public void Hardtanh_AsReLU6() => Check(new HardtanhOperator(0f, 6f), new HardtanhBackwardOperator(0f, 6f));

    [Fact]
    public void Threshold() => Check(new ThresholdOperator(0.1f, 20f), new ThresholdBackwardOperator(0.1f));

    [Fact]
    public void Hardshrink() => Check(new HardshrinkOperator(0.5f), new ShrinkBackwardOperator(0.5f));

    [Fact]
    public void Softshrink() => Check(new SoftshrinkOperator(0.1f), new ShrinkBackwardOperator(0.1f));

    [Fact]
    public void SquaredReLU() => Check(default(SquaredReLUOperator), default(SquaredReLUBackwardOperator));

    private static void Check<TOp, TBackward>(TOp op, TBackward backward)
        where TOp : struct, IUnaryOperator
        where TBackward : struct, IBinaryOperator
    {
        float[] x = [.. OperatorChecks.Sample(), -2.5f, 0.75f, 0f, 6f, 0.1f, -0.1f, 0.5f, -0.5f, -0f, 20f, 1f, -1f, 3f, -3f, 7f, -7f];
        float[] g = OperatorChecks.Gradients(x.Length);
        for (int i = 0; i + 16 <= x.Length; i += 16)
        {
            Vector512<float> x512 = Vector512.Create(x.AsSpan(i, 16)), g512 = Vector512.Create(g.AsSpan(i, 16));
            Vector512<float> y512 = op.Invoke(x512), dx512 = backward.Invoke(x512, g512);
            for (int j = 0; j < 16; j++)
            {
                int s8 = i + (j / 8 * 8), s4 = i + (j / 4 * 4);
                float y = op.Invoke(x[i + j]);
                float y256 = op.Invoke(Vector256.Create(x.AsSpan(s8, 8)))[j % 8];
                float y128 = op.Invoke(Vector128.Create(x.AsSpan(s4, 4)))[j % 4];
                Assert.True(
                    OperatorChecks.SameBits(y, y512[j]) && OperatorChecks.SameBits(y, y256) && OperatorChecks.SameBits(y, y128),
                    $"x = {x[i + j]:R}: scalar {y:R}, 128 {y128:R}, 256 {y256:R}, 512 {y512[j]:R}");

                float dx = backward.Invoke(x[i + j], g[i + j]);
                float dx256 = backward.Invoke(Vector256.Create(x.AsSpan(s8, 8)), Vector256.Create(g.AsSpan(s8, 8)))[j % 8];
                float dx128 = backward.Invoke(Vector128.Create(x.AsSpan(s4, 4)), Vector128.Create(g.AsSpan(s4, 4)))[j % 4];
                Assert.True(
                    OperatorChecks.SameBits(dx, dx512[j]) && OperatorChecks.SameBits(dx, dx256) && OperatorChecks.SameBits(dx, dx128),
                    $"({x[i + j]:R}, {g[i + j]:R}): scalar {dx:R}, 128 {dx128:R}, 256 {dx256:R}, 512 {dx512[j]:R}");
            }
        }
    }
}
