using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// dL/dx from the forward's input x: 0 for x &lt; −3, g for x ≥ 3, g·(x/3 + ½) between (−3 included), NaN for a NaN
/// input: PyTorch 1.13's vectorized hardswish_backward, so −g/2 at x = −3 and g at x = 3.
/// </summary>
/// <remarks>
/// x/3 + ½ is fma(x, fl(1/3), ½): fl(1/3)'s error times |x| ≤ 3 is ≤ 2^-25, the FMA's rounding ≤ 2^-24 (the value is
/// below 1.5), so the slope is within 1.5·2^-24 absolute, and the product adds 2^-24 relative: within
/// 2.5·2^-24·max(|g|, |true|), inside the 4-ULP backward bound.
/// </remarks>
internal readonly struct HardswishBackwardOperator : IBinaryOperator
{
    private const float OneThird = 1f / 3f;

    public static bool Vectorizable => true;

    // NOTE: selects of g and 0, not a slope of 1 or 0 multiplied by g, so an infinite g outside the middle band gives
    // g or 0 as PyTorch's blends do, never ∞·0. The band's bounds are the vectorized path's (the scalar one of 1.13
    // takes x = 3 into the band, 1.5·g; pytorch/pytorch#147801 discusses both ends).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x, float g) => x < -3f ? 0f : x >= 3f ? g : g * float.FusedMultiplyAdd(x, OneThird, 0.5f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x, Vector128<float> g)
    {
        Vector128<float> band = g * Vector128.FusedMultiplyAdd(x, Vector128.Create(OneThird), Vector128.Create(0.5f));
        Vector128<float> upper = Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128.Create(3f)), g, band);
        return Vector128.AndNot(upper, Vector128.LessThan(x, Vector128.Create(-3f)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x, Vector256<float> g)
    {
        Vector256<float> band = g * Vector256.FusedMultiplyAdd(x, Vector256.Create(OneThird), Vector256.Create(0.5f));
        Vector256<float> upper = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256.Create(3f)), g, band);
        return Vector256.AndNot(upper, Vector256.LessThan(x, Vector256.Create(-3f)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x, Vector512<float> g)
    {
        Vector512<float> band = g * Vector512.FusedMultiplyAdd(x, Vector512.Create(OneThird), Vector512.Create(0.5f));
        Vector512<float> upper = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512.Create(3f)), g, band);
        return Vector512.AndNot(upper, Vector512.LessThan(x, Vector512.Create(-3f)));
    }
}
