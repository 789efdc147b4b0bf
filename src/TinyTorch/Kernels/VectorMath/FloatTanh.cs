using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>tanh(x) in float lanes, within 1 ULP of the true value for every float input.</summary>
/// <remarks>
/// Two forms, both evaluated and one selected per lane by |x| &lt; ½ (branch-free, so every width does the same):
/// <list type="bullet">
/// <item>|x| &lt; ½: tanh(|x|) = |x| + |x|·z·P(z), z = x², P a degree-4 polynomial interpolating
/// (tanh(x)/x − 1)/x² at the Chebyshev nodes of z ∈ [0, ¼]: relative error 4.5e−9 = 2^-27.7 with the float
/// coefficients below (checked on a fine grid). The correction |x|·z·P is at most 8% of |x|, so its roundings
/// cost ≤ 2^-27 relative; the final FMA rounds once. Tiny x gives exactly x (the correction underflows).</item>
/// <item>|x| ≥ ½: tanh(|x|) = (1 − e)/(1 + e), e = e^(−2|x|) = 2^k·(hi + lo) from <see cref="FloatExp"/>
/// (2|x| is exact). 1 − e and 1 + e are formed as exact float pairs (Fast2Sum, 1 ≥ e) and divided with one
/// rounding (<see cref="FloatQuotient"/>). exp's relative error (≤ 2^-27) reaches the result amplified by
/// 2e/(1 − e²) ≤ 0.85 at |x| = ½: still ≤ 2^-27.</item>
/// </list>
/// NOTE: the sign is copied from x at the end, so tanh(−0) = −0 and odd symmetry is exact. ±∞ gives ±1
/// (e = 0 once the exponent is clamped), NaN gives NaN (the |x| &lt; ½ test is false for NaN).
/// </remarks>
internal static class FloatTanh
{
    private const float SmallLimit = 0.5f;

    // P(z) ≈ (tanh(x)/x − 1)/x², z = x², degree 4, interpolating at the 5 Chebyshev nodes of [0, 0.25].
    private const float P0 = -0.333333313f;    // 0xBEAAAAAA
    private const float P1 = 0.133332253f;     // 0x3E088840
    private const float P2 = -0.0539334677f;   // 0xBD5CE957
    private const float P3 = 0.0214706827f;    // 0x3CAFE349
    private const float P4 = -0.00694294181f;  // 0xBBE3819E

    /// <summary>tanh(x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Tanh<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV one = TL.Create(1.0f);
        TV negAbs = TL.NegativeAbs(x);
        TV abs = TL.Subtract(TL.Create(0.0f), negAbs);

        TV z = TL.Multiply(x, x);
        TV z2 = TL.Multiply(z, z);
        TV p01 = TL.MultiplyAdd(TL.Create(P1), z, TL.Create(P0));
        TV p23 = TL.MultiplyAdd(TL.Create(P3), z, TL.Create(P2));
        TV p = TL.MultiplyAdd(TL.MultiplyAdd(TL.Create(P4), z2, p23), z2, p01);
        TV small = TL.MultiplyAdd(TL.Multiply(abs, z), p, abs);

        TV eHi = FloatExp.ExpNonPositive<TV, TL>(TL.Add(negAbs, negAbs), out TV scale, out TV eLo);
        TV a = TL.Multiply(scale, eHi);
        TV nHi = TL.Subtract(one, a);
        TV nLo = TL.MultiplyAdd(TL.Subtract(TL.Create(0.0f), scale), eLo, TL.Subtract(TL.Subtract(one, nHi), a));
        TV dHi = TL.Add(one, a);
        TV dLo = TL.MultiplyAdd(scale, eLo, TL.Add(TL.Subtract(one, dHi), a));
        TV large = FloatQuotient.Divide<TV, TL>(nHi, nLo, dHi, dLo);

        return TL.CopySign(TL.SelectWhereBelow(abs, SmallLimit, small, large), x);
    }
}
