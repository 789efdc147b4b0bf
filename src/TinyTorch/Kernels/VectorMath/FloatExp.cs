using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// e^t for t ≤ 0 in float lanes, returned unrounded as 2^K·(hi + lo), good to 2^-32 relative, so that callers which
/// divide or subtract can still round only once at the end.
/// </summary>
/// <remarks>
/// Tang's table-driven scheme (Tang, "Table-driven implementation of the exponential function in IEEE floating-point
/// arithmetic", ACM TOMS 15(2), 1989) with 16 table entries, one vector register's worth:
/// <list type="number">
/// <item>k = round(t·16/ln 2) via the magic constant 1.5·2^23 + 8 added inside an FMA: kd = magic + k holds k + 8 in
/// its low mantissa bits, so with k = 16K + j, j ∈ [−8, 7], the low four bits of kd are j + 8 (the table index) and
/// bits 4 and up give K = ⌊(k + 8)/16⌋ (2^K is built straight from them). Centring j keeps 2^(j/16) ∈ [0.707, 1.355].</item>
/// <item>r = t − k·L1 in one FMA is EXACT, with L1 = Ln2Hi/16 (a multiple of 2^-28): for k = 0 it is t; otherwise
/// |t·16/ln 2| ≥ ½ − 2^-12, so |t| ≥ 0.0216 &gt; 2^-6 and t is a multiple of 2^-29, as is k·L1; and
/// |r| ≤ (½ + 2^-12)·ln 2/16 + 2540·|L1 − ln 2/16| &lt; 0.02168 &lt; 2^-5 (the 2^-12 covers the rounding of the float
/// 16/ln 2: |t·16/ln 2|·2^-24 ≤ 2540·2^-24 down to the lowest clamp, t = −110), so r needs at most 24 significant
/// bits.</item>
/// <item>The table holds T = 2^(j/16) as a float Thi plus ε = ln(T/Thi) (|ε| ≤ 2^-24.3, computed in high precision
/// and rounded to float), so that e^t = 2^K·Thi·e^(r + δ) with δ = ε − k·L2 (+ tLo for a pair argument),
/// L2 = (ln 2 − Ln2Hi)/16: one FMA, |δ| ≤ 2540·1.2e−10 + 2^-24.3 &lt; 3.6e−7 (plus |tLo|); δ's own rounding and the
/// third part of ln 2/16 (times k) are below 2^-44.</item>
/// <item>e^(r + δ) = 1 + r + u with u = δ + s²·q(s), s = r + δ rounded, q(s) = ½ + c1·s + c2·s² interpolating
/// (e^s − 1 − s)/s² at the Chebyshev nodes of [−0.0218, 0.0218]: |s²·(q − exact)| ≤ 2^-35.5 with the float
/// coefficients below; s's rounding (≤ 2^-29.5) moves s²·q by ≤ |s|·2^-29.5 ≤ 2^-35; the roundings of s², q and
/// u are 2^-24 relative of |u| ≤ 2.4e−4 = 2^-12, so u is within ≈ 2^-33.5 absolute of e^(r + δ) − 1 − r.</item>
/// <item>hi = Thi + Thi·r rounded (one FMA), and lo = Thi·u + e1, where e1 = fma(Thi, r, Thi − hi) is hi's rounding
/// error: Thi − hi is exact (Sterbenz: hi/Thi ∈ [0.978, 1.022]) and the FMA rounds the error itself (≤ 2^-48).
/// So the sum Thi·(1 + r) is never rounded as a whole, and lo adds one rounding of ≤ 2^-24·|lo| ≤ 2^-35.5.</item>
/// </list>
/// Altogether |2^K·(hi + lo) − e^t| ≤ 2^-32 relative (|lo| ≤ 2^-11.5·hi, with the bound below counted in units of
/// hi; the tests assert 2^-32; the Cody–Waite version this replaced, with a degree-5 polynomial, was 2^-26).
/// hi ∈ [0.69, 1.39]. NOTE: the pair is NOT normalised: lo carries the whole quadratic term (up to 2^-11.5·hi), which
/// <see cref="FloatQuotient"/> and <see cref="FloatSoftmax"/>'s compensated sums allow for (a Fast2Sum would cost three
/// more instructions on the critical path).
/// For K = 0 (t ≥ −8.5·ln 2/16 ≈ −0.368) hi ∈ [0.69, 1], so hi − 1 is exact; for k = 0 (|t| &lt; 0.0216) moreover
/// Thi = 1 and δ = 0 (ε is 0 for j = 0), hi − 1 + e1 = r exactly, and e^t − 1 = (hi − 1) + lo keeps its full relative
/// precision (expm1-like: the only rounding is lo's, 2^-24·|u + e1|, see <see cref="FloatTanh"/>).
/// NOTE: t is clamped at −88 (or the caller's floor), where k = −2031 and K = −127, and 2^K comes out as +0: e^t
/// is then 0, and the true value (&lt; 2^-126.5) is below float's normal range anyway (K = −127 from t &lt; −87.70 on).
/// For K ≥ −126 2^K is a normal float, so scaling is exact. NaN propagates (the clamp keeps a NaN lane).
/// The table lookup is exact, so every width still gives the same bits (<see cref="IFloatLanes{TV}.Lookup16"/>).
/// </remarks>
internal static class FloatExp
{
    private const float MinArgument = -88.0f;
    private const float Log2E = 1.44269502f;
    private const float Ln2Hi = 0.693147182f;          // 0x3F317218, the float nearest ln 2
    private const float Ln2Lo = -1.90465421e-09f;      // ln 2 − Ln2Hi

    /// <summary>The float nearest 16/ln 2 (0x41B8AA3B): kd = fma(t, SixteenOverLn2, <see cref="TableMagic"/>).</summary>
    internal const float SixteenOverLn2 = 23.0831203f;

    /// <summary>ln 2/16 to 24 bits (0x3D317218 = Ln2Hi/16, a multiple of 2^-28): k·Ln2Over16Hi is exact for the k used here.</summary>
    internal const float Ln2Over16Hi = 0.0433216989f;

    /// <summary>The rest of ln 2/16 (0xAF02E308 ≈ ln 2/16 − Ln2Over16Hi).</summary>
    internal const float Ln2Over16Lo = -1.19040888e-10f;

    /// <summary>1.5·2^23 + 8: kd = TableMagic + k holds k + 8 in its low mantissa bits (see the remarks, item 1).</summary>
    internal const float TableMagic = 12582920.0f;

    // q(s) ≈ (e^s − 1 − s)/s² = ½ + s/6 + s²/24 + …, interpolating at the Chebyshev nodes ±0.0218·cos(π/4).
    private const float C1 = 0.166668653f;             // 0x3E2AAB30
    private const float C2 = 0.0416669957f;            // 0x3D2AAB03

    /// <summary>1.5·2^23: adding it rounds to an integer k and leaves k in the low mantissa bits (kd = RoundingMagic + k).</summary>
    internal const float RoundingMagic = 12582912.0f;

    /// <summary>The smallest kd (as <see cref="ExpNonPositive{TV, TL}(TV, TV, bool, float, out TV, out TV)"/> returns it) whose power of two is 2^k.</summary>
    /// <param name="k">The exponent.</param>
    internal static float MagicForExponent(int k) => RoundingMagic + (16.0f * k);

    /// <summary>What adding 1 to the exponent K adds to kd.</summary>
    internal const float MagicPerOctave = 16.0f;

    /// <summary>Table index j + 8 → 2^(j/16) rounded to float.</summary>
    internal static ReadOnlySpan<float> PowerHi =>
    [
        0.707106769f, 0.738413095f, 0.771105409f, 0.805245161f, 0.840896428f, 0.878126085f, 0.917004049f, 0.957603276f,
        1.0f, 1.04427373f, 1.09050775f, 1.13878858f, 1.18920708f, 1.24185777f, 1.29683959f, 1.35425556f,
    ];

    /// <summary>Table index j + 8 → ln(2^(j/16)/PowerHi), the rest of the table entry as an exponent.</summary>
    internal static ReadOnlySpan<float> PowerRest =>
    [
        1.71142709e-08f, -3.04768335e-08f, 5.23333421e-09f, 6.10759177e-09f, -1.47196060e-08f, -5.25879518e-09f, -6.12825968e-09f, 5.14060927e-09f,
        0.0f, 4.62854715e-08f, -1.19921575e-08f, 4.72978208e-08f, 3.19341815e-08f, 3.62105723e-08f, -3.09907229e-08f, -7.47521334e-09f,
    ];

    /// <summary>
    /// e^t = <paramref name="scale"/>·(result + <paramref name="lo"/>) for t ≤ 0; result ∈ [0.69, 1.39], and the pair is
    /// not normalised (|lo| ≤ 2^-11.5·result, see the remarks).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV ExpNonPositive<TV, TL>(TV t, out TV scale, out TV lo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV hi = ExpNonPositive<TV, TL>(t, default, false, MinArgument, out TV kd, out lo);
        scale = Pow2<TV, TL>(kd);
        return hi;
    }

    /// <summary>
    /// e^(t + tLo) = 2^K·(result + <paramref name="lo"/>) for t ≤ 0 and a small correction |tLo| ≤ 2^-20·|t|
    /// (the low half of an argument carried as a float pair); result ∈ [0.69, 1.39]. K comes back encoded in
    /// <paramref name="kd"/>: 2^K is <see cref="Pow2{TV, TL}"/>(kd), and adding <see cref="MagicPerOctave"/> to kd adds 1 to K.
    /// </summary>
    /// <remarks>
    /// t is clamped at <paramref name="minArgument"/> (≥ −132.5, so K ≥ −191; items 1–3 of the class remarks hold there
    /// too: |k| ≤ 3060, whose 3060·2^-24 = 2^-12.4 of rounding in kd and 3060·|L1 − ln 2/16| = 3.6e−7 in r keep
    /// |r| &lt; 0.02168 and k·L1 exact): callers that scale by 2^K directly
    /// need −88 (K ≥ −127, see the class remarks); callers that want results near the bottom of float's range
    /// scale in two steps. tLo joins δ, and s = r + δ carries it into the polynomial too, so e^(r + δ) is as accurate
    /// for |δ| up to 2^-20·110 ≈ 1e−4 (δ²/2 is then 2^-27.6 and s² accounts for it).
    /// <paramref name="hasLow"/> false ignores tLo and saves an instruction (the JIT folds the constant).
    /// The pair is not normalised: |lo| ≤ 2^-11.5·hi.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV ExpNonPositive<TV, TL>(TV t, TV tLo, bool hasLow, float minArgument, out TV kd, out TV lo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV tc = TL.AtLeast(t, minArgument);
        kd = TL.MultiplyAdd(tc, TL.Create(SixteenOverLn2), TL.Create(TableMagic));
        TV k = TL.Subtract(kd, TL.Create(TableMagic));
        TV r = TL.MultiplyAdd(k, TL.Create(-Ln2Over16Hi), tc);
        TV powerHi = TL.Lookup16(kd, PowerHi);
        TV rest = TL.Lookup16(kd, PowerRest);
        TV delta = TL.MultiplyAdd(k, TL.Create(-Ln2Over16Lo), hasLow ? TL.Add(rest, tLo) : rest);

        TV s = TL.Add(r, delta);
        TV q = TL.MultiplyAdd(TL.MultiplyAdd(TL.Create(C2), s, TL.Create(C1)), s, TL.Create(0.5f));
        TV u = TL.MultiplyAdd(TL.Multiply(s, s), q, delta);

        TV hi = TL.MultiplyAdd(powerHi, r, powerHi);
        TV error = TL.MultiplyAdd(powerHi, r, TL.Subtract(powerHi, hi));
        lo = TL.MultiplyAdd(powerHi, u, error);
        return hi;
    }

    /// <summary>2^-64, to scale back what <see cref="ExpTimesTwoTo64{TV, TL}"/> returns.</summary>
    internal const float TwoToMinus64 = 5.42101086e-20f;

    /// <summary>
    /// e^(t + tLo)·2^64 = result + <paramref name="lo"/> for t ∈ [−110, −80] (clamped at −110, where e^t is far below the
    /// subnormals): the deep tails' exponential, where 2^K and 2^K·lo leave float's normal range but 2^(K+64)
    /// (K + 64 ∈ [−95, −51]) does not. Both parts are products by a power of two, the high one exact, so a caller rounds
    /// the pair once (or divides it) and scales back by <see cref="TwoToMinus64"/>, which rounds on the subnormal grid.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV ExpTimesTwoTo64<TV, TL>(TV t, TV tLo, bool hasLow, out TV lo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV hi = ExpNonPositive<TV, TL>(t, tLo, hasLow, -110.0f, out TV kd, out TV partLo);
        TV scale = Pow2<TV, TL>(TL.Add(kd, TL.Create(64.0f * MagicPerOctave)));
        lo = TL.Multiply(scale, partLo);
        return TL.Multiply(scale, hi);
    }

    /// <summary>2^K from kd as <see cref="ExpNonPositive{TV, TL}(TV, TV, bool, float, out TV, out TV)"/> returns it (K ∈ [−127, 127]; −127 gives +0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Pow2<TV, TL>(TV kd)
        where TV : struct
        where TL : IFloatLanes<TV> => TL.Pow2FromMagicOver16(kd);

    /// <summary>
    /// The Cody–Waite step with k = round(t·log2 e): t + tLo = k·ln 2 + r + rLo with k returned as
    /// <paramref name="kd"/> = RoundingMagic + k (2^k is <see cref="IFloatLanes{TV}.Pow2FromMagic"/>(kd)),
    /// r = t − k·Ln2Hi exact, rLo = tLo − k·Ln2Lo (tLo ignored when <paramref name="hasLow"/> is false).
    /// For exponentials that bring their own polynomial (|r| ≤ 0.35).
    /// </summary>
    /// <remarks>
    /// r = t − k·Ln2Hi in one FMA is exact: for k = 0 it is t; otherwise |t| ≥ 0.34, so t is a multiple of 2^-25,
    /// as is k·Ln2Hi (Ln2Hi is a multiple of 2^-24), and |r| &lt; ½ then needs at most 24 significant bits.
    /// </remarks>
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

    /// <summary>
    /// 2^k and p ≈ e^(t − k·ln 2) for |t| ≤ 80, e^t = p·2^k (an exact scaling), within 3.6·2^-24 relative (plus
    /// |k|·2^-28.9, see the remarks): no table, no low part, for backward passes whose bound is 4·2^-24 of their scale
    /// and whose sensitivity to e^t's error vanishes as |t| grows (<see cref="Operators.LogSigmoidBackwardOperator"/>).
    /// </summary>
    /// <remarks>
    /// k = round(t/ln 2) as in <see cref="Reduce{TV, TL}"/>; s = t − k·Ln2Hi in one FMA (rounded once: |s| ≤ 0.3467,
    /// so within 2^-26 absolute). Ln2Hi is ln 2 rounded to float, 2^-28.97 below it, so s is k·2^-28.97 above the true
    /// t − k·ln 2: a relative error of |k|·2^-28.97 in e^t, which this method leaves to its caller (at |t| ≤ 1, |k| ≤ 1).
    /// p = 1 + s·q(s), q of degree 4, fitted to e^s's relative error on |s| ≤ 0.3467 (Lawson's iteration; with these float
    /// coefficients 9.35e−8 = 1.57·2^-24 there), by Horner in FMAs: the last step's rounding (≤ 2^-24 of p), the one
    /// before (2^-24 of q ≤ 1.18, times |s|, over p ≥ 0.707: ≤ 0.58·2^-24), the rest (≤ 0.11·2^-24) and s's 2^-26
    /// (0.25·2^-24): at most (1.57 + 1 + 0.58 + 0.11 + 0.25)·2^-24 ≤ 3.6·2^-24 in all. (Taylor to degree 7, as before,
    /// was 2^-23 at three more operations.) |t| ≤ 80 keeps k ∈ [−116, 116], so 2^k is a normal float.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV ExpModerate<TV, TL>(TV t, out TV scale)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV kd = TL.MultiplyAdd(t, TL.Create(Log2E), TL.Create(RoundingMagic));
        TV s = TL.MultiplyAdd(TL.Subtract(kd, TL.Create(RoundingMagic)), TL.Create(-Ln2Hi), t);
        scale = TL.Pow2FromMagic(kd);
        TV q = TL.MultiplyAdd(TL.MultiplyAdd(TL.MultiplyAdd(TL.MultiplyAdd(
            TL.Create(8.290283382e-03f), s, TL.Create(4.189809784e-02f)), s, TL.Create(1.666763723e-01f)), s, TL.Create(4.999914765e-01f)),
            s, TL.Create(9.999997020e-01f));
        return TL.MultiplyAdd(q, s, TL.Create(1.0f));
    }

    /// <summary>
    /// e^t = 2^K·powerHi·(1 + r + u) for |t| ≤ 110, as unassembled parts (r is returned): for a caller that folds the
    /// parts into its own sums (<see cref="FloatSoftmaxRow"/>), so that no step waits for a whole pair.
    /// kd is supplied by the caller: magic + k with k an integer within ½ + 2^-10 of t·16/ln 2 and magic ≡ 8 (mod 16)
    /// (<see cref="TableMagic"/>, or that shifted by whole octaves to get K − c instead of K out of kd).
    /// </summary>
    /// <remarks>
    /// Items 1–3 of the class remarks, symmetric in t (they never used t ≤ 0): with k within ½ + 2^-10 of t·16/ln 2,
    /// |r| ≤ (½ + 2^-10)·ln 2/16 + 3e−7 &lt; 0.02172, inside the polynomial's interval, and r = t − k·L1 is still exact
    /// (k ≠ 0 needs |t| &gt; 0.0216, a multiple of 2^-29).
    /// u approximates e^(r + δ) − 1 − r = (e^r − 1 − r) + δ·e^r + (e^δ − 1 − δ)·e^r as r²·q(r) + δ·(1 + r):
    /// q's error and roundings as in item 4 (≤ 2^-33.5 with r for s); the dropped δ·r²/2 (below 2^-33.4), δ·r³/6 and
    /// δ²/2·e^r (below 2^-40 for |δ| ≤ 3.6e−7). So |1 + r + u − e^(r + δ)| ≤ 2^-32.6.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV TableParts<TV, TL>(TV t, TV kd, TV magic, out TV powerHi, out TV u)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV k = TL.Subtract(kd, magic);
        TV r = TL.MultiplyAdd(k, TL.Create(-Ln2Over16Hi), t);
        powerHi = TL.Lookup16(kd, PowerHi);
        TV delta = TL.MultiplyAdd(k, TL.Create(-Ln2Over16Lo), TL.Lookup16(kd, PowerRest));
        TV q = TL.MultiplyAdd(TL.MultiplyAdd(TL.Create(C2), r, TL.Create(C1)), r, TL.Create(0.5f));
        u = TL.MultiplyAdd(TL.Multiply(r, r), q, TL.MultiplyAdd(delta, r, delta));
        return r;
    }
}
