using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// e^t for t ≤ 0 in float lanes, returned unrounded as 2^k·(hi + lo), good to 2^-26 relative (2^-26.4 measured), so that
/// callers which divide or subtract can still round only once at the end.
/// </summary>
/// <remarks>
/// The classical Cody–Waite scheme (Cody &amp; Waite, "Software Manual for the Elementary Functions", 1980), kept in
/// float by carrying the rounding error of 1 + r as a second float (Dekker's Fast2Sum: for |a| ≥ |b|, s = a + b
/// and (b − (s − a)) is the exact error of s):
/// <list type="number">
/// <item>k = round(t·log2 e) via the magic constant 1.5·2^23 added inside an FMA (round-to-nearest leaves k in
/// the low mantissa bits, and 2^k is built straight from those bits).</item>
/// <item>r = t − k·Ln2Hi in one FMA is EXACT: for k = 0 it is t; otherwise |t| ≥ 0.34, so t is a multiple of
/// 2^-25, as is k·Ln2Hi (Ln2Hi, the float nearest ln 2, is a multiple of 2^-24), and |r| &lt; ½ then needs at most
/// 24 significant bits.
/// The rest of ln 2, rLo = −k·Ln2Lo (|rLo| ≤ 127·1.9e−9 = 2.4e−7), enters as e^(r + rLo) = e^r·(1 + rLo) + O(3e−14),
/// i.e. a term rLo·e^r, for which rLo·(1 + r + w) is plenty.</item>
/// <item>e^r = 1 + r + w, w = r²·Q(r), Q a degree-5 polynomial interpolating (e^r − 1 − r)/r² at the Chebyshev nodes of
/// [−0.35, 0.35]: relative error 8.1e−10 = 2^-30.2 with the float coefficients below (checked on a fine grid).</item>
/// <item>h = 1 + r rounded, and l = (r − (h − 1)) + w + rLo·e^r: the first part is h's exact rounding error
/// (Fast2Sum, |r| &lt; 1), so the sum 1 + r is never rounded as a whole. The roundings left are those of w and l
/// (|w|, |l| ≤ 0.07, so ≤ 2^-28 absolute each) and of Q's evaluation (≤ 2^-26 of Q, times r² ≤ 0.12).
/// Finally (h, l) is renormalised exactly (Fast2Sum again) into hi + lo with |lo| ≤ 2^-24·hi, which is what
/// <see cref="FloatQuotient"/> needs of a denominator.</item>
/// </list>
/// Altogether |(hi + lo) − e^r| ≤ 2^-26 relative (≈ 0.25 float ULP at most; 2^-26.36 measured, at t ≈ −28.07, where
/// the roundings above happen to align; the tests assert 2^-26).
/// NOTE: t is clamped at −88, where k = −127 and 2^k comes out as +0: e^t is then 0, and the true value
/// (&lt; 2^-126.5) is below float's normal range anyway. For k ≥ −126 2^k is a normal float, so scaling is exact.
/// NaN propagates (the clamp keeps a NaN lane).
/// </remarks>
internal static class FloatExp
{
    private const float MinArgument = -88.0f;
    private const float Log2E = 1.44269502f;
    private const float Ln2Hi = 0.693147182f;          // 0x3F317218, the float nearest ln 2
    private const float Ln2Lo = -1.90465421e-09f;      // ln 2 − Ln2Hi

    // Q(r) ≈ (e^r − 1 − r)/r², degree 5, interpolating at the 6 Chebyshev nodes of [−0.35, 0.35].
    private const float Q0 = 0.5f;                    // 0x3F000000
    private const float Q1 = 0.166666672f;            // 0x3E2AAAAB
    private const float Q2 = 0.0416664556f;           // 0x3D2AAA72
    private const float Q3 = 0.00833331048f;          // 0x3C088870
    private const float Q4 = 0.00139345322f;          // 0x3AB6A488
    private const float Q5 = 0.000198919704f;         // 0x3950951A

    /// <summary>1.5·2^23: adding it rounds to an integer k and leaves k in the low mantissa bits (kd = RoundingMagic + k).</summary>
    internal const float RoundingMagic = 12582912.0f;

    /// <summary>e^t = <paramref name="scale"/>·(result + <paramref name="lo"/>) for t ≤ 0; result ∈ [0.7, 1.42].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV ExpNonPositive<TV, TL>(TV t, out TV scale, out TV lo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV hi = ExpNonPositive<TV, TL>(t, default, false, MinArgument, out TV kd, out lo);
        scale = TL.Pow2FromMagic(kd);
        return hi;
    }

    /// <summary>
    /// e^(t + tLo) = 2^k·(result + <paramref name="lo"/>) for t ≤ 0 and a small correction |tLo| ≤ 2^-20·|t|
    /// (the low half of an argument carried as a float pair); k comes back as <paramref name="kd"/> = RoundingMagic + k.
    /// </summary>
    /// <remarks>
    /// t is clamped at <paramref name="minArgument"/> (≥ −110, so k ≥ −159): callers that scale by 2^k directly
    /// need −88 (k ≥ −127, see the class remarks); callers that want results near the bottom of float's range
    /// scale in two steps. tLo joins rLo: e^(r + rLo + tLo) = e^r·(1 + rLo + tLo) to within (rLo + tLo)² ≤ 2^-34.
    /// <paramref name="hasLow"/> false ignores tLo and saves an instruction (the JIT folds the constant).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV ExpNonPositive<TV, TL>(TV t, TV tLo, bool hasLow, float minArgument, out TV kd, out TV lo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV one = TL.Create(1.0f);
        TV r = Reduce<TV, TL>(TL.AtLeast(t, minArgument), tLo, hasLow, out kd, out TV rLo);

        // Estrin's scheme: three independent pairs, so the chain is 3 FMAs deep instead of 5.
        TV r2 = TL.Multiply(r, r);
        TV q01 = TL.MultiplyAdd(TL.Create(Q1), r, TL.Create(Q0));
        TV q23 = TL.MultiplyAdd(TL.Create(Q3), r, TL.Create(Q2));
        TV q45 = TL.MultiplyAdd(TL.Create(Q5), r, TL.Create(Q4));
        TV q = TL.MultiplyAdd(TL.MultiplyAdd(q45, r2, q23), r2, q01);
        TV w = TL.Multiply(r2, q);

        TV h = TL.Add(one, r);
        TV l = TL.Add(TL.Subtract(r, TL.Subtract(h, one)), TL.MultiplyAdd(rLo, TL.Add(h, w), w));
        TV hi = TL.Add(h, l);
        lo = TL.Subtract(l, TL.Subtract(hi, h));
        return hi;
    }

    /// <summary>
    /// The Cody–Waite step (class remarks, item 2): t + tLo = k·ln 2 + r + rLo with k = round(t·log2 e) returned as
    /// <paramref name="kd"/> = RoundingMagic + k, r = t − k·Ln2Hi exact, rLo = tLo − k·Ln2Lo (tLo ignored when
    /// <paramref name="hasLow"/> is false). Shared with exponentials that bring their own polynomial.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV Reduce<TV, TL>(TV t, TV tLo, bool hasLow, out TV kd, out TV rLo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        kd = TL.MultiplyAdd(t, TL.Create(Log2E), TL.Create(RoundingMagic));
        TV k = TL.Subtract(kd, TL.Create(RoundingMagic));
        rLo = hasLow ? TL.MultiplyAdd(k, TL.Create(-Ln2Lo), tLo) : TL.Multiply(k, TL.Create(-Ln2Lo));
        return TL.MultiplyAdd(k, TL.Create(-Ln2Hi), t);
    }
}
