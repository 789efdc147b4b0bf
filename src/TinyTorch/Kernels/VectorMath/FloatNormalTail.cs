using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// a·Q(a), where Q(a) = P(N(0,1) &gt; a) = ½·erfc(a/√2) is the upper normal tail and a = |x|, in float lanes,
/// returned unrounded as scale·(hi + lo) with a relative error below 2^-24 from a = 0 down to the bottom of
/// float's range (a ≈ 13.2), so that exact GELU can round once at the end.
/// </summary>
/// <remarks>
/// The factorization; each factor is computed exactly, or as a small correction whose rounding costs little:
///   a·Q(a) = b · (1 + m(a)) · e^(−a²/2),   b = ½a·K/(1 + c·a),   m(a) = erfcx(a/√2)·(1 + c·a)/K − 1,
/// with erfcx(z) = e^(z²)·erfc(z) the scaled complementary error function (½·erfcx(a/√2)·e^(−a²/2) = Q(a)).
/// Two parameter sets: the slope (<see cref="UpperTailSlope{TV, TL}"/>) has c = 1.125, K = 1; the forward
/// (<see cref="TimesUpperTail{TV, TL}"/>) has c = 1, K = 0.953125, cheaper (see its remarks). Items 1–2 and the
/// coefficients N, D below are the slope's; the forward follows the same scheme with its own fit. Items 3–5 are
/// the slope's too: the forward takes e^(−a²/2) through <see cref="FloatExp"/>'s 16-entry table, with 2^(j/16)
/// folded into the bulk's numerator, and ends in bh + lo (see its remarks); its clamp and 2^K work as in item 5.
/// <list type="number">
/// <item>The bulk b: erfcx(a/√2) falls from 1 to ~√(2/π)/a, much as 1/(1 + c·a) does. With c = 1.125 the rest,
/// 1 + m, stays within [0.95, 1.12] on [0, 13.25]. d = 1 + c·a is formed exactly as a pair (d, dl) (1 − d is
/// exact, and the second FMA rounds only the tiny remainder); 1/(d + dl) = β·(1 + ρ) with β rounded and ρ the
/// residual, exact by FMAs (Markstein's correction, as in <see cref="FloatQuotient"/>).</item>
/// <item>m = N/D, a rational function of degree (5, 5) in a itself, so its argument carries no rounding error.
/// NOTE: a polynomial in t = 1/(1 + c·a), as in Numerical Recipes' erfc, needs degree 11 here and, worse, t to
/// better than float precision: t's rounding reaches m multiplied by t·m′(t), which is about 1. Degree (4, 4),
/// (5, 4) or (4, 5) do not do: 2^-23 and 2^-24.3 at best on [0, 13.25] (tools/fit/normal_tail_rational.py).
/// Our own fit: minimax for the absolute error on a ∈ [0, 14.5] (3 000 + 3 000 points, denser below 3) by
/// iteratively reweighted least squares (Lawson's weights, Loeb's linearization N − m·D, 300 rounds), reference
/// values of erfcx from mpmath at 30 digits, then each coefficient rounded to the nearest float: |N/D − m| ≤ 2^-27.9.
/// Evaluated by Estrin's scheme (two products per level instead of five in a row), in −a and h = −a²/2 (the
/// a² and a⁴ terms absorb the exact factors −2 and 4), the float evaluation adds ≤ 0.28·2^-24 (measured over
/// 20 000 points): m's errors are absolute, and |m| ≤ 0.112 keeps them small.</item>
/// <item>e^(−a²/2) in the classical Cody–Waite form, with <see cref="FloatExp"/>'s reduction: −a²/2 = h + hl exactly
/// (hl is the FMA remainder of the product), k = round(h·log2 e), r = h − k·Ln2Hi exact, and
/// e^r = 1 + r + w, w = r²·q(r), q of degree 4 (our own fit: weighted least squares with Lawson's weights for the
/// relative error of e^r on |r| ≤ ln2/2, 2^-28.0 with float coefficients). The rest, rl = hl − k·Ln2Lo, is folded
/// into a small factor (1 + rl), to within rl² &lt; 2^-35.
/// NOTE: rl is not tiny here (|hl| reaches half a ULP of a²/2, 2^-18 at a = 13): it must scale all of e^r, not just
/// 1 + r (that left 2^-22 of error at a = 12).</item>
/// <item>The product is carried as hi + lo: hi = B + B·r rounded by one FMA (B the bulk's rounded high part) and,
/// since hi/B ∈ [0.65, 1.35] (so B − hi is exact by Sterbenz's lemma), that FMA's error B·r + (B − hi) exactly by a
/// second one; lo collects it with B·ζ, ζ = w + μ·e^r (μ the small factors together), and the bulk's low part.
/// e^r itself is needed only rounded, as a factor of small terms.</item>
/// <item>scale = 2^k. a is clamped at 13.25, where k = −127 and scale comes out as 0: from a = 13.2 on, the truth
/// is below 2^-126 (a·Q(a) &lt; φ(a) = e^(−a²/2)/√(2π), the Mills-ratio bound), subnormal down to a = 14.26; the
/// forward's deep tail (<see cref="TimesUpperTailTwoTo64{TV, TL}"/>) covers it at 2^64 scale. For k ≥ −126,
/// scale is a normal float, so the caller's scale·(hi + lo) is exact wherever the result is normal.</item>
/// </list>
/// ±∞ give scale 0 (a is clamped) and NaN gives NaN.
/// </remarks>
internal static class FloatNormalTail
{
    private const float Clamp = 13.25f;              // k = −127 there: scale is 0
    private const float DeepClamp = 14.5f;           // K = −152 there, 2^(K + 64) normal; a·Q(a) < 2^-152 from 14.3 on
    private const float Bulk = 1.125f;                // c in d = 1 + c·a (exact in float), the slope's
    private const float SlopeClamp = 14.55f;          // k = −153 there: k + SlopeShift = −127, the up-scale is 0
    private const float SlopeShift = 26.0f;           // the slope is scaled by 2^(k + 26), then by 2^-26
    private const float SlopeDownScale = 1.4901161193847656e-08f;   // 2^-26
    private const float InvSqrtTwoPiHi = 0.3989422917366028f;      // 1/√(2π) = InvSqrtTwoPiHi + InvSqrtTwoPiLo
    private const float InvSqrtTwoPiLo = -1.1335170135851058e-08f;

    // q(r) ≈ (e^r − 1 − r)/r², degree 4.
    private const float Q0 = 0.4999999403953552f;     // 0x3EFFFFFE
    private const float Q1 = 0.1666652113199234f;     // 0x3E2AAA49
    private const float Q2 = 0.04166838899254799f;    // 0x3D2AAC79
    private const float Q3 = 0.008368710055947304f;   // 0x3C091CEA
    private const float Q4 = 0.0013814554549753666f;  // 0x3AB511F4

    // (e^r − 1 − r)/r² ≈ P0 + P1·r on |r| ≤ 0.02168: minimax (Lawson) for the absolute error of r²·(P0 + P1·r),
    // 2^-29.2 with the float coefficients.
    private const float P0 = 0.5000162124633789f;     // 0x3F000110
    private const float P1 = 0.1666703224182129f;     // 0x3E2AABA0

    // The slope's m = N/D (c = 1.125, K = 1) in powers of −a (the lanes hold −a): the odd coefficients carry the
    // opposite sign of the fit in a.
    // N(0) is 0 up to the fit's noise (m(0) = 0).
    private const float N0 = -2.4003221632540317e-09f;
    private const float N1 = -0.3271156847476959f;
    private const float N2 = 0.15955302119255066f;
    private const float N3 = -0.027505116537213326f;
    private const float N4 = -0.0018171234987676144f;
    private const float N5 = 0.0012404659064486623f;
    private const float D1 = -1.7033032178878784f;
    private const float D2 = 1.2479172945022583f;
    private const float D3 = -0.49999725818634033f;
    private const float D4 = 0.11214256286621094f;
    private const float D5 = -0.012117004953324795f;

    // The forward's m = N/D for c = 1 (d = 1 + a) and the bulk's factor K, in powers of −a as above.
    private const float ForwardN0 = 0.049180325120687485f;    // 0x3D49714F
    private const float ForwardN1 = -0.29564368724823f;       // 0xBE975E9C
    private const float ForwardN2 = 0.10894951969385147f;     // 0x3DDF20ED
    private const float ForwardN3 = -0.00210439576767385f;    // 0xBB09E9E7
    private const float ForwardN4 = -0.00807457696646452f;    // 0xBC044B3B
    private const float ForwardN5 = 0.0019421398174017668f;   // 0x3AFE8F66
    private const float ForwardD1 = -1.699621558189392f;       // 0xBFD98D33
    private const float ForwardD2 = 1.2418135404586792f;       // 0x3F9EF3BF
    private const float ForwardD3 = -0.49605369567871094f;     // 0xBEFDFAC0
    private const float ForwardD4 = 0.11083783954381943f;      // 0x3DE2FEF3
    private const float ForwardD5 = -0.01192458625882864f;     // 0xBC435F57

    /// <summary>Table index j + 8 → K·2^(j/16) rounded to float, K = 0.953125: the forward bulk's numerator.</summary>
    internal static ReadOnlySpan<float> ForwardNumerator =>
    [
        0.6739611625671387f, 0.7037999629974365f, 0.7349598407745361f, 0.7674993276596069f, 0.8014793992042542f, 0.8369638919830322f, 0.8740195035934448f, 0.9127156138420105f,
        0.953125f, 0.9953234195709229f, 1.039390206336975f, 1.0854079723358154f, 1.1334630250930786f, 1.1836457252502441f, 1.2360502481460571f, 1.2907748222351074f,
    ];

    /// <summary>Table index j + 8 → ln(K·2^(j/16)/<see cref="ForwardNumerator"/>), the rest of the entry as an exponent.</summary>
    internal static ReadOnlySpan<float> ForwardNumeratorRest =>
    [
        -1.7432325805089022e-08f, -4.011287302319033e-09f, 7.767683385395685e-09f, -3.75766333604588e-08f, -4.261566211027912e-09f, 3.368707623963019e-08f, -2.850507740959074e-08f, 1.4324086805572733e-08f,
        0.0f, 2.9442897897524745e-08f, -2.27444907352492e-08f, -5.051865059613192e-08f, 5.6410218718383476e-09f, 1.5902522632060823e-09f, -3.8525385548382474e-08f, -3.146080507221427e-09f,
    ];

    /// <summary>Table index j + 8 → 1/<see cref="ForwardNumerator"/> rounded: ρ/T for the division's residual ρ.</summary>
    internal static ReadOnlySpan<float> ForwardNumeratorInverse =>
    [
        1.4837650060653687f, 1.4208582639694214f, 1.3606185913085938f, 1.3029327392578125f, 1.2476927042007446f, 1.1947946548461914f, 1.1441391706466675f, 1.09563148021698f,
        1.049180269241333f, 1.0046985149383545f, 0.9621025919914246f, 0.9213125705718994f, 0.8822519779205322f, 0.8448473811149597f, 0.8090286254882812f, 0.7747284770011902f,
    ];

    /// <summary>
    /// |x|·Q(|x|) = <paramref name="scale"/>·(result + <paramref name="lo"/>), unrounded, within 2^-24 relative
    /// wherever it is a normal float.
    /// </summary>
    /// <remarks>
    /// The class's factorization with c = 1 and K = 0.953125, with e^(−a²/2) through <see cref="FloatExp"/>'s
    /// 16-entry table, chosen for the instruction count (the loop is bound by the FMA ports: every multiply or FMA
    /// taken off them shows in the time; table lookups, adds and integer operations run on other ports):
    /// <list type="number">
    /// <item>−a²/2 = h + hl exactly (a product and its FMA remainder), reduced as in Tang's scheme (see
    /// <see cref="FloatExp"/>): k = round(h·16/ln 2) = 16K + j, r = h − k·Ln2Over16Hi exact, |r| ≤ 0.0217, so
    /// e^(−a²/2) = 2^K·2^(j/16)·e^r·(1 + rl), rl = hl − k·Ln2Over16Lo + ε_j. e^r = 1 + r + w, w = r²·(P0 + P1·r)
    /// (three operations instead of the slope's six on |r| ≤ ln2/2).</item>
    /// <item>2^(j/16) costs no multiply: it goes into the division's numerator, T = K·2^(j/16) from a table
    /// (<see cref="ForwardNumerator"/>, its rounding ε_j = ln(K·2^(j/16)/T) from a second one, folded into rl).
    /// d = 1 + a and its rounding error dl = (1 − d) − (−a) come from three subtractions (1 − d is exact), off the
    /// FMA ports. β = T/d rounded, and ρ = T − β·d − β·dl by two FMAs (the first one exact: the remainder of a
    /// correctly rounded quotient), so T/(d + dl) = β·(1 + ρ/T); ρ/T by a third table, 1/T (which reaches 1.48:
    /// taking ρ for ρ/T, as one can for the constant K, cost 0.12 ULP of GELU at stride 17).</item>
    /// <item>K centres m: erfcx(a/√2)·(1 + a) runs over [0.853, 1.051] on [0, 13.25], so with K at the middle
    /// |m| ≤ 0.105 (with K = 1 it reaches 0.147 at the far end, and the pair's error grew to 1.14·2^-24 there).
    /// m = N/D, our own (5, 5) fit for this c and K (tools/fit/normal_tail_rational.py: Loeb's linearization with
    /// Lawson's weights, mpmath reference, float coefficients): |N/D − m| ≤ 2^-27.35; Estrin's evaluation in float
    /// adds ≤ 0.30·2^-24 (emulated over 1 000 points).</item>
    /// <item>The small factors are merged: (1 + m)·(1 + ρ/T)·(1 + rl) = 1 + μ, μ = m + s + s·m with s = ρ/T + rl (one
    /// FMA), to within s² ≤ 2^-36. The bulk ½a·β = bh − bln exactly (one product and its FMA remainder).</item>
    /// <item>(bh − bln)·(1 + μ)·(1 + r + w) = bh + lo with lo = bh·z − bln, z = r + w + μ·(1 + r + w): two FMAs (the
    /// earlier hi = bh + bh·r with its exact error took five). bh stays the high part (|lo| ≤ 0.13·bh): the caller's
    /// single rounding of bh + lo is all that is lost there. bln·z is left out (≤ 0.13·2^-24).</item>
    /// </list>
    /// Error budget, relative to a·Q(a), in units of 2^-24: m 0.30 (evaluation) + 0.1 (fit); z's rounding ≤ 0.07
    /// (|z| ≤ 0.13) and lo's ≤ 0.07; bln·z 0.13; e^r's fit 0.03; the rest below 0.05: ≤ 0.75 in all. The tests check
    /// 2^-24 (random, and dense around the worst places); the former version's finer measurement (0.78) was not redone.
    /// </remarks>
    /// <param name="x">The argument; only its magnitude is used.</param>
    /// <param name="lo">The low part, |lo| ≤ 0.13·|result|.</param>
    /// <param name="scale">2^K, or 0 where |x|·Q(|x|) is below float's normal range.</param>
    /// <returns>The high part.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TimesUpperTail<TV, TL>(TV x, out TV lo, out TV scale)
        where TV : struct
        where TL : IFloatLanes<TV> =>
        TimesUpperTailCore<TV, TL>(x, false, out lo, out scale);

    /// <summary>
    /// |x|·Q(|x|)·2^64 = <paramref name="scale"/>·(result + <paramref name="lo"/>) for the deep tail, |x| from 13.2 on,
    /// where a·Q(a) is subnormal (it is below 2^-126 from a = 13.2 on, and rounds to 0 from 14.26): the same steps as
    /// <see cref="TimesUpperTail{TV, TL}"/> with a clamped at 14.5 instead of 13.25 (K ≥ −152) and
    /// the scale 2^(K + 64), a normal float, so the caller rounds hi + lo once at 2^64 times the result's size and
    /// scales back by 2^-64, which rounds on the subnormal grid.
    /// </summary>
    /// <remarks>
    /// The rational fit m was made on [0, 13.25]; past it, up to 14.3 where the result rounds to 0, its extrapolation
    /// stays far within what a subnormal result needs (2^-149 is 2^-23 of a·Q(a) at 13.25 and 2^-10 at 14.2: the tests
    /// measure the whole tail, x from −13.1 to −14.6, at every width).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TimesUpperTailTwoTo64<TV, TL>(TV x, out TV lo, out TV scale)
        where TV : struct
        where TL : IFloatLanes<TV> =>
        TimesUpperTailCore<TV, TL>(x, true, out lo, out scale);

    /// <summary>Both forms above: <paramref name="deep"/> (a constant, folded by the JIT) picks the clamp and the scale.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV TimesUpperTailCore<TV, TL>(TV x, bool deep, out TV lo, out TV scale)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV one = TL.Create(1.0f);
        TV na = TL.AtLeast(TL.NegativeAbs(x), deep ? -DeepClamp : -Clamp);      // −a
        TV half = TL.Multiply(na, TL.Create(-0.5f));         // ½a, exact

        // h + hl = −a²/2 exactly (hl comes out negated); k = round(h·16/ln 2) = 16K + j, r = h − k·ln2/16 exact
        // (as in FloatExp's table reduction), and the table's j picks the bulk's numerator K·2^(j/16).
        TV h = TL.Multiply(half, na);
        TV hlNegated = TL.NegatedMultiplyAdd(half, na, h);
        TV kd = TL.MultiplyAdd(h, TL.Create(FloatExp.SixteenOverLn2), TL.Create(FloatExp.TableMagic));
        TV k = TL.Subtract(kd, TL.Create(FloatExp.TableMagic));
        TV r = TL.MultiplyAdd(k, TL.Create(-FloatExp.Ln2Over16Hi), h);
        TV rl = TL.MultiplyAdd(k, TL.Create(-FloatExp.Ln2Over16Lo), TL.Subtract(TL.Lookup16(kd, ForwardNumeratorRest), hlNegated));
        TV w = ExpOfSmallReduced<TV, TL>(r);

        // d + dl = 1 + a exactly; β = T/d rounded (T = K·2^(j/16) as a float), ρ = T − β·d − β·dl:
        // T/(d + dl) = β·(1 + ρ/T) to within ρ².
        TV d = TL.Subtract(one, na);
        TV dl = TL.Subtract(TL.Subtract(one, d), na);
        TV numerator = TL.Lookup16(kd, ForwardNumerator);
        TV beta = TL.Divide(numerator, d);
        TV rho = TL.NegatedMultiplyAdd(beta, dl, TL.NegatedMultiplyAdd(beta, d, numerator));

        // m = N/D, in −a and h = −a²/2.
        TV m = ForwardCorrection<TV, TL>(na, h);

        // (1 + m)·(1 + ρ/T)·(1 + rl) = 1 + μ to within (ρ/T + rl)², and ½a·β = bh − bln exactly.
        TV s = TL.MultiplyAdd(rho, TL.Lookup16(kd, ForwardNumeratorInverse), rl);
        TV mu = TL.MultiplyAdd(s, m, TL.Add(s, m));
        TV bh = TL.Multiply(half, beta);
        TV bln = TL.NegatedMultiplyAdd(half, beta, bh);

        // (bh − bln)·(1 + μ)·(1 + r + w) = bh + lo, less bln·(r + w + μ·e); lo = bh·z − bln, z = r + w + μ·e.
        TV rw = TL.Add(r, w);
        TV zNegated = TL.NegatedMultiplySubtract(mu, TL.Add(one, rw), rw);
        lo = TL.NegatedMultiplySubtract(bh, zNegated, bln);

        scale = deep ? TL.Pow2FromMagicOver16Plus(kd, 64) : TL.Pow2FromMagicOver16(kd);
        return bh;
    }

    /// <summary>
    /// The slope of a·Q(a): d/da [a·Q(a)] = Q(a) − a·φ(a), φ(a) = e^(−a²/2)/√(2π), for a = |x|, rounded once (a
    /// second rounding only where the result is subnormal): the Gaussian part of exact GELU's derivative.
    /// </summary>
    /// <remarks>
    /// The same factors as <see cref="TimesUpperTail{TV, TL}"/>, with e^(−a²/2) taken out of both terms:
    ///   Q(a) − a·φ(a) = (v − a/√(2π))·e^(−a²/2),   v = Q(a)·e^(a²/2) = ½(1 + m)/(1 + c·a).
    /// <list type="number">
    /// <item>v as a pair: β = ½/d rounded, and the residual ρ = ½ − β·d − β·dl by two FMAs (the first one exact, as
    /// in Markstein's correction), so ½/(d + dl) = β·(1 + 2ρ) to within 2^-48 (1/d = 2β to 2^-24, |ρ| ≤ 2^-24), and
    /// v = β·(1 + μ), μ = m + 2ρ·(1 + m) (|μ| ≤ 0.12: its rounding is absolute, ≤ 2^-28). vh = β + β·μ by one FMA,
    /// and its error by a second one (β − vh is exact by Sterbenz's lemma: 1 + μ ∈ [0.95, 1.12]).</item>
    /// <item>v − a/√(2π) = ωh + ωl: 1/√(2π) is split into two floats (the nearest float alone is 0.48·2^-24 off,
    /// which the tail would feel in full), a times the high part is split exactly by an FMA, and vh minus it by
    /// TwoSum (either can be the larger one). Its error is v's (≤ 0.4·2^-24, from m), times v/|v − a/√(2π)|:
    /// about 0.27 at a = 2 and falling in the tail, but unbounded at a = 0.7518, where the slope crosses 0 (no float
    /// evaluation keeps relative precision there; the error stays ≤ 2^-25 absolute).</item>
    /// <item>e^(−a²/2) as in <see cref="TimesUpperTail{TV, TL}"/>: the argument exact as a pair (h, hl),
    /// 2^k·(1 + r + w) with r exact, and rl folded into the factor: (ωh + ωl)·(1 + r + w)·(1 + rl) = hi + lo with
    /// hi = ωh + ωh·r by one FMA and its error by another (hi/ωh = 1 + r ∈ [0.65, 1.35]), lo = ωh·(w + rl·e) + ωl·e
    /// plus that error. NOTE: the trap of the plain float form is the argument: −a²/2 rounded loses
    /// |a²/2|·2^-24 relative (2^-19 at a = 10), which the pair avoids.</item>
    /// <item>The result is hi + lo rounded, times 2^(k + 26) (exact: a normal float for every k ≥ −153), times 2^-26,
    /// which rounds only where the result is subnormal. So the relative precision holds down to 2^-126 (a ≈ 13.34;
    /// a clamp at 13.25 with a single 2^k, as for a·Q(a), would cut off normal slopes down to 2^-124.2).
    /// a is clamped at 14.55, where k = −153 and the up-scale comes out as 0: from there on the truth is below
    /// 2^-150 and rounds to 0 anyway. So ±∞ give −0 and NaN gives NaN.</item>
    /// </list>
    /// Error, measured over every float a in [0, 14.6] against MathNet's erfc in double: 0.34·2^-24 absolute at most;
    /// ≤ 0.99 ULP on [0, 0.5], 0.96 on [1, 1.5] and ≤ 0.80 from 1.5 on, into the subnormal tail; on [0.5, 1), where
    /// the slope approaches its root, up to 3.2 ULP at 0.69 and 0.81, and unbounded in ULP at the root itself.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV UpperTailSlope<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV zero = TL.Create(0.0f);
        TV na = TL.AtLeast(TL.NegativeAbs(x), -SlopeClamp);   // −a
        TV half = TL.Multiply(na, TL.Create(-0.5f));          // ½a, exact
        TV d = BulkDenominator<TV, TL>(na, out TV dl);
        TV h = TL.Multiply(half, na);
        TV m = Correction<TV, TL>(na, h);

        // v = β·(1 + μ), β = ½/d; the residual comes out negated: ρ′ = β·d + β·dl − ½ = −ρ.
        TV beta = TL.Divide(TL.Create(0.5f), d);
        TV residual = TL.MultiplyAdd(beta, dl, TL.MultiplyAdd(beta, d, TL.Create(-0.5f)));
        TV twoResidual = TL.Add(residual, residual);
        TV mu = TL.Subtract(m, TL.MultiplyAdd(twoResidual, m, twoResidual));
        TV vh = TL.MultiplyAdd(beta, mu, beta);
        TV vl = TL.MultiplyAdd(beta, mu, TL.Subtract(beta, vh));

        // ω = v − a/√(2π): p = −a·InvSqrtTwoPiHi rounded, and −(its error) = a·InvSqrtTwoPiHi + p by one FMA.
        TV p = TL.Multiply(na, TL.Create(InvSqrtTwoPiHi));
        TV pErrorNegated = TL.MultiplyAdd(na, TL.Create(-InvSqrtTwoPiHi), p);
        TV omegaHi = FloatPairs.TwoSum<TV, TL>(vh, p, out TV sumError);
        TV omegaLo = TL.Subtract(TL.Add(sumError, vl), TL.MultiplyAdd(na, TL.Create(-InvSqrtTwoPiLo), pErrorNegated));

        // e^(h + hl) = 2^k·(1 + r + w)·(1 + rl), h + hl = −a²/2 exactly.
        TV hl = TL.MultiplyAdd(half, na, TL.Subtract(zero, h));
        TV r = FloatExp.Reduce<TV, TL>(h, hl, true, out TV kd, out TV rl);
        TV e = ExpOfReduced<TV, TL>(r, out TV w);

        TV hi = TL.MultiplyAdd(omegaHi, r, omegaHi);
        TV hiError = TL.MultiplyAdd(omegaHi, r, TL.Subtract(omegaHi, hi));
        TV lo = TL.MultiplyAdd(omegaHi, TL.MultiplyAdd(rl, e, w), TL.MultiplyAdd(omegaLo, e, hiError));

        TV up = TL.Pow2FromMagic(TL.Add(kd, TL.Create(SlopeShift)));
        return TL.Multiply(TL.Multiply(TL.Add(hi, lo), up), TL.Create(SlopeDownScale));
    }

    /// <summary>d = 1 + c·a rounded, and <paramref name="dl"/> its rounding error, exactly (1 − d is exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV BulkDenominator<TV, TL>(TV na, out TV dl)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV one = TL.Create(1.0f);
        TV d = TL.MultiplyAdd(na, TL.Create(-Bulk), one);
        dl = TL.MultiplyAdd(na, TL.Create(-Bulk), TL.Subtract(one, d));
        return d;
    }

    /// <summary>The backward's m = N/D (c = 1.125, K = 1): <see cref="Rational{TV, TL}"/> with its coefficients.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Correction<TV, TL>(TV na, TV h)
        where TV : struct
        where TL : IFloatLanes<TV> =>
        Rational<TV, TL>(na, h, N0, N1, N2, N3, N4, N5, D1, D2, D3, D4, D5);

    /// <summary>The forward's m = N/D (c = 1, K = 0.953125): <see cref="Rational{TV, TL}"/> with its coefficients.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ForwardCorrection<TV, TL>(TV na, TV h)
        where TV : struct
        where TL : IFloatLanes<TV> =>
        Rational<TV, TL>(na, h, ForwardN0, ForwardN1, ForwardN2, ForwardN3, ForwardN4, ForwardN5, ForwardD1, ForwardD2, ForwardD3, ForwardD4, ForwardD5);

    /// <summary>
    /// (n0 + n1·a + … + n5·a⁵)/(1 + d1·a + … + d5·a⁵) by Estrin's scheme in −a (<paramref name="na"/>) and h = −a²/2 (the
    /// a² and a⁴ coefficients absorb the factors −2 and 4). Always inlined with constant coefficients, so they fold.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Rational<TV, TL>(TV na, TV h, float n0, float n1, float n2, float n3, float n4, float n5, float d1, float d2, float d3, float d4, float d5)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV n45 = TL.MultiplyAdd(TL.Create(4.0f * n5), na, TL.Create(4.0f * n4));
        TV n23 = TL.MultiplyAdd(TL.Create(-2.0f * n3), na, TL.Create(-2.0f * n2));
        TV n = TL.MultiplyAdd(TL.MultiplyAdd(n45, h, n23), h, TL.MultiplyAdd(TL.Create(n1), na, TL.Create(n0)));
        TV d45 = TL.MultiplyAdd(TL.Create(4.0f * d5), na, TL.Create(4.0f * d4));
        TV d23 = TL.MultiplyAdd(TL.Create(-2.0f * d3), na, TL.Create(-2.0f * d2));
        TV den = TL.MultiplyAdd(TL.MultiplyAdd(d45, h, d23), h, TL.MultiplyAdd(TL.Create(d1), na, TL.Create(1.0f)));
        return TL.Divide(n, den);
    }

    /// <summary>w = e^r − 1 − r ≈ r²·(P0 + P1·r) for |r| ≤ ln 2/32 (FloatExp's table reduction).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpOfSmallReduced<TV, TL>(TV r)
        where TV : struct
        where TL : IFloatLanes<TV> =>
        TL.Multiply(TL.Multiply(r, r), TL.MultiplyAdd(TL.Create(P1), r, TL.Create(P0)));

    /// <summary>e^r ≈ 1 + r + w, rounded (only for small terms); w = r²·q(r) comes back on its own, so callers can keep 1 + r + w unrounded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpOfReduced<TV, TL>(TV r, out TV w)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV r2 = TL.Multiply(r, r);
        TV q = TL.MultiplyAdd(
            TL.MultiplyAdd(TL.Create(Q4), r2, TL.MultiplyAdd(TL.Create(Q3), r, TL.Create(Q2))),
            r2,
            TL.MultiplyAdd(TL.Create(Q1), r, TL.Create(Q0)));
        w = TL.Multiply(r2, q);
        return TL.Add(TL.Add(TL.Create(1.0f), r), w);
    }
}
