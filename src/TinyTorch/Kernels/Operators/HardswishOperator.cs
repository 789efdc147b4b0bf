using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// Hardswish(x) = x·relu6(x + 3)/6: −0 for x ≤ −3 (also at −∞), x for x ≥ 3, NaN propagating; within 1 ULP for every
/// input (0.5 + 2·10^-6 proven).
/// </summary>
/// <remarks>
/// Three naive roundings (x + 3, the product, the division) reach 1.91 ULP over all inputs (at x = 1.3716037). Here,
/// with xl = max(x, −3) and xc = min(xl, 3) (maxps/minps, x second, so NaN stays NaN), <see cref="FloatHardSigmoid"/>
/// gives hardsigmoid(x) = head + T exactly, T = (r + e)/6, and the result is fma(xl, head, xc·tail) with
/// tail = fl(correction·fl(1/6)). x·head is exact inside the FMA; the only other errors are the tail's
/// (≤ 2.5·2^-24·|T|) and the product xc·tail's (≤ 2^-24·|x·T|). As |T| ≤ (10/6)·ulp(head) and
/// |x|·ulp(head) ≤ 2^-23·|x·head| ≤ 4ulp(y) (y is x·head to within a few ulp(head), at most one binade away), they
/// sum to below 24·2^-24 ≈ 1.4·10^-6 ULP of y before the one final rounding: ≤ 0.5 ULP + 2·10^-6. There is no
/// cancellation to fear: y is a product of x and a positive hardsigmoid, both carried accurately.
/// Checked over all 2^32 inputs: at most 0.5 ULP.
/// Below −3 the FMA is fma(−3, 0, −3·0) = −0, the bits PyTorch gives for every finite x ≤ −3; at −∞ PyTorch's
/// x·0 is NaN, here it is the limit −0 (xl, not x, enters the product). Above 3, fma(x, 1, 3·0) = x, +∞ included
/// (xc, not x, enters the tail's product, so ∞·0 never occurs).
/// </remarks>
internal readonly struct HardswishOperator : IUnaryOperator
{
    public static bool Vectorizable => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x) => Hardswish<float, FloatScalarLanes>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x) => Hardswish<Vector128<float>, FloatLanes128>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x) => Hardswish<Vector256<float>, FloatLanes256>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x) => Hardswish<Vector512<float>, FloatLanes512>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Hardswish<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV atLeast = TL.AtLeast(x, -3f);
        TV clamped = TL.AtMost(atLeast, 3f);
        TV head = FloatHardSigmoid.Head<TV, TL>(clamped, out TV correction);
        TV tail = TL.Multiply(correction, TL.Create(FloatHardSigmoid.OneSixth));
        return TL.MultiplyAdd(atLeast, head, TL.Multiply(clamped, tail));
    }
}
