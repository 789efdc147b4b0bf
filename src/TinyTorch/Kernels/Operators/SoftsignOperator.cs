using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>Softsign(x) = x/(1 + |x|), rounded once: within 0.5 ULP + 2^-30.5 relative for every input.</summary>
/// <remarks>
/// Naively x/(1 + |x|) rounds twice (the sum, then the quotient): up to 1 ULP. Here 1 + |x| is the exact pair dHi + dLo
/// (dLo = (max(1, |x|) − dHi) + min(1, |x|), a Fast2Sum in either order) and x/(dHi + dLo) is
/// <see cref="FloatQuotient.DivideFloat{TV, TL}"/>: one division and an FMA residual, rounded once (within
/// 0.5 ULP + 2^-30.5 relative, below 0.52 ULP).
/// |x| is clamped at 2^26 (beyond, x/(1 + |x|) = ±(1 − 1/(1 + |x|)) rounds to ±1, and ±∞ give ±1 instead of ∞ − ∞);
/// the sign is copied from x at the end, so −0 gives −0 (as PyTorch). NaN stays NaN (the clamps keep it).
/// Checked over all 2^32 inputs against SoftsignMath: at most 0.5000 ULP (correctly rounded on every input met).
/// Every width runs the same float operations (FMA everywhere), so all agree bit for bit.
/// </remarks>
internal readonly struct SoftsignOperator : IUnaryOperator
{
    private const float Limit = 67108864.0f;   // 2^26

    public static bool Vectorizable => true;

    public static bool Unroll => false;

    public static bool Paired => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x) => Compute<float, FloatScalarLanes>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x) => Compute<Vector128<float>, FloatLanes128>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x) => Compute<Vector256<float>, FloatLanes256>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x) => Compute<Vector512<float>, FloatLanes512>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512Pair Invoke(Vector512Pair x) => Compute<Vector512Pair, FloatLanes512Pair>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Compute<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV a = TL.AtMost(TL.Subtract(TL.Create(0.0f), TL.NegativeAbs(x)), Limit);
        TV quotient = FloatQuotient.DivideFloat<TV, TL>(a, OnePlus<TV, TL>(a, out TV dLo), dLo);
        return TL.CopySign(quotient, x);
    }

    /// <summary>1 + a for a ≥ 0 as the exact pair result + <paramref name="lo"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV OnePlus<TV, TL>(TV a, out TV lo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV one = TL.Create(1.0f);
        TV hi = TL.Add(one, a);
        lo = TL.Add(TL.Subtract(TL.Larger(a, one), hi), TL.Smaller(a, one));
        return hi;
    }
}
