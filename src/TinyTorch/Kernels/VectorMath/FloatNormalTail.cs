using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// a·Q(a), where Q(a) = P(N(0,1) &gt; a) = ½·erfc(a/√2) is the upper normal tail and a = |x|, in float lanes,
/// returned unrounded as scale·(hi + lo) with a relative error below ~1.2·2^-24 from a = 0 to the bottom of
/// float's range (a ≈ 13.2), so that exact GELU can round once at the end.
/// </summary>
/// <remarks>
/// The factorization, each factor computed exactly or as a small correction:
///   a·Q(a) = b · (1 + m(a)) · e^(−a²/2),   b = ½a/(1 + c·a),   m(a) = erfcx(a/√2)·(1 + c·a) − 1,
/// with erfcx(z) = e^(z²)·erfc(z) the scaled complementary error function (so ½·erfcx(a/√2)·e^(−a²/2) = Q(a)).
/// <list type="number">
/// <item>The bulk b: erfcx(a/√2) falls from 1 to ~√(2/π)/a, as 1/(1 + c·a) does. With c = 1.125 the rest,
/// 1 + m, stays within [0.90, 1.07], so m is a small correction whose float rounding costs little. d = 1 + c·a is
/// formed exactly as a pair (d, dl) (1 − d is exact, and the FMA rounds only the tiny remainder), and the quotient
/// ½a/(d + dl) exactly as a pair (b, bl): bl = (½a − b·d − b·dl)/d, the residual computed exactly by FMAs
/// (Markstein). Division is cheap on this hardware (it runs beside the FMA pipes), so b, −b and bl are three
/// divisions.</item>
/// <item>m(a) = N(a)/D(a), a rational function of degree (5, 5) in a itself, so its argument carries no rounding
/// error (a polynomial in t = 1/(1 + c·a) would need t to better than float precision: the error of t reaches m
/// multiplied by t·m′(t) ≈ 1). Our own fit: minimax on a ∈ [0, 14.5] by iteratively reweighted least squares
/// (Lawson's algorithm with Loeb's linearization N − f·D), reference values of erfcx from mpmath at 30 digits,
/// coefficients rounded to float: |N/D − m| ≤ 2^-27.9 with float coefficients, and the float evaluation (ten FMAs
/// and a division) adds ≤ 0.38·2^-24, measured on a grid of 20 000 points.</item>
/// <item>e^(−a²/2) in the classical Cody–Waite form (as <see cref="FloatExp"/>): −a²/2 = h + hl exactly
/// (a float times a float is exact as a pair: hl is the FMA's remainder), k = round(h·log2 e), r = h − k·Ln2Hi
/// exact (see <see cref="FloatExp"/> for why), rl = hl − k·Ln2Lo, and
/// e^(r + rl) = 1 + r + w with w = r²·q(r) + rl·(1 + r + r²·q(r)), q a degree-4 polynomial (our own weighted
/// minimax fit of (e^r − 1 − r)/r² on |r| ≤ ln2/2, error 2^-28.0 relative to e^r with float coefficients).
/// NOTE: rl is not small here (|hl| reaches ½ ULP of a²/2, 2^-18 at a = 13), so it must multiply all of e^r:
/// rl·(1 + r) alone left 2^-22 of error at a = 12.</item>
/// <item>The product b·(1 + m)·(1 + r + w) = b·(1 + r + ζ), ζ = w + m·(1 + r + w) (|ζ| ≤ 0.22), is carried as
/// hi + lo: hi = b + b·r rounded by one FMA, and since hi/b ∈ [0.65, 1.42] (Sterbenz: b − hi is exact) that
/// FMA's own error is b·r + (b − hi), exactly, by a second FMA. lo collects it with b·ζ and bl·(1 + m)·(1 + r + w).</item>
/// <item>scale = 2^k is a normal float for k ≥ −126. Below, the true a·Q(a) is under 0.57·2^k (a·Q(a) &lt; φ(a)
/// by the Mills-ratio bound, φ(a) = e^(−a²/2)/√(2π), and 2^k ≤ √2·e^(−a²/2)), i.e. in the underflow tail, and
/// scale is 0.</item>
/// </list>
/// Error budget, relative to a·Q(a), in units of 2^-24 (one float ULP at worst): m 0.38 (evaluation) + 0.06 (fit);
/// ζ's rounding 0.13 (|ζ| &lt; 0.25) and lo's 0.25 (|lo| ≤ 0.23·hi), both over 1 + r + ζ ≥ 0.6; exp 0.06;
/// everything else (bl, the products of small terms) below 0.02: ≲ 1.0 in total, ~0.8 measured. The caller's single
/// rounding adds 0.5 ULP.
/// a is clamped at 14.5 (where scale is already 0), so ±∞ give 0; NaN gives NaN.
/// </remarks>
internal static class FloatNormalTail
{
    private const float Clamp = 13.25f;
    private const float Bulk = 1.125f;                // c in d = 1 + c·a (exact in float)
    private const float Log2E = 1.44269502f;
    private const float Ln2Hi = 0.693147182f;         // 0x3F317218, the float nearest ln 2
    private const float Ln2Lo = -1.90465421e-09f;     // ln 2 − Ln2Hi

    // q(r) ≈ (e^r − 1 − r)/r², degree 4.
    private const float Q0 = 0.4999999403953552f;     // 0x3EFFFFFE
    private const float Q1 = 0.1666652113199234f;     // 0x3E2AAA49
    private const float Q2 = 0.04166838899254799f;    // 0x3D2AAC79
    private const float Q3 = 0.008368710055947304f;   // 0x3C091CEA
    private const float Q4 = 0.0013814554549753666f;  // 0x3AB511F4

    // m = N/D in powers of −a (the lanes hold −a): the odd coefficients carry the opposite sign of the fit in a.
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

    /// <summary>
    /// |x|·Q(|x|) = <paramref name="scale"/>·(result + <paramref name="lo"/>), unrounded (see the remarks for the bounds).
    /// </summary>
    /// <param name="x">The argument; only its magnitude is used.</param>
    /// <param name="lo">The low part, |lo| ≤ 0.25·|result|.</param>
    /// <param name="scale">2^k, or 0 where |x|·Q(|x|) is below float's normal range.</param>
    /// <returns>The high part.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TimesUpperTail<TV, TL>(TV x, out TV lo, out TV scale)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV zero = TL.Create(0.0f);
        TV one = TL.Create(1.0f);
        TV na = TL.AtLeast(TL.NegativeAbs(x), -Clamp);      // −a
        TV half = TL.Multiply(na, TL.Create(-0.5f));         // ½a, exact

        // b + bl = ½a/(1 + c·a).
        TV d = TL.MultiplyAdd(na, TL.Create(-Bulk), one);
        TV dl = TL.MultiplyAdd(na, TL.Create(-Bulk), TL.Subtract(one, d));
        TV b = TL.Divide(half, d);
        TV minusB = TL.Subtract(zero, b);
        TV bl = TL.Divide(TL.MultiplyAdd(minusB, dl, TL.MultiplyAdd(minusB, d, half)), d);

        // m = N/D, by Estrin's scheme in −a and h = −a²/2 (the a² and a⁴ coefficients absorb the factors −2 and 4).
        TV h = TL.Multiply(half, na);
        TV n = TL.MultiplyAdd(
            TL.MultiplyAdd(TL.MultiplyAdd(TL.Create(4.0f * N5), na, TL.Create(4.0f * N4)), h, TL.MultiplyAdd(TL.Create(-2.0f * N3), na, TL.Create(-2.0f * N2))),
            h,
            TL.MultiplyAdd(TL.Create(N1), na, TL.Create(N0)));
        TV den = TL.MultiplyAdd(
            TL.MultiplyAdd(TL.MultiplyAdd(TL.Create(4.0f * D5), na, TL.Create(4.0f * D4)), h, TL.MultiplyAdd(TL.Create(-2.0f * D3), na, TL.Create(-2.0f * D2))),
            h,
            TL.MultiplyAdd(TL.Create(D1), na, one));
        TV m = TL.Divide(n, den);

        // e^(h + hl) = 2^k·(1 + r + w), h + hl = −a²/2 exactly.
        TV hl = TL.MultiplyAdd(half, na, TL.Subtract(zero, h));
        TV kd = TL.MultiplyAdd(h, TL.Create(Log2E), TL.Create(FloatExp.RoundingMagic));
        TV k = TL.Subtract(kd, TL.Create(FloatExp.RoundingMagic));
        TV r = TL.MultiplyAdd(k, TL.Create(-Ln2Hi), h);
        TV rl = TL.MultiplyAdd(k, TL.Create(-Ln2Lo), hl);
        TV r2 = TL.Multiply(r, r);
        TV q = TL.MultiplyAdd(
            TL.MultiplyAdd(TL.Create(Q4), r2, TL.MultiplyAdd(TL.Create(Q3), r, TL.Create(Q2))),
            r2,
            TL.MultiplyAdd(TL.Create(Q1), r, TL.Create(Q0)));
        TV onePlusR = TL.Add(one, r);
        TV w0 = TL.Multiply(r2, q);
        TV w = TL.MultiplyAdd(rl, TL.Add(onePlusR, w0), w0);
        TV e = TL.Add(onePlusR, w);                          // e^(r + rl), rounded: only for small terms

        // b·(1 + m)·(1 + r + w) = hi + lo.
        TV zeta = TL.MultiplyAdd(m, e, w);
        TV hi = TL.MultiplyAdd(b, r, b);
        TV hiError = TL.MultiplyAdd(b, r, TL.Subtract(b, hi));
        lo = TL.MultiplyAdd(b, zeta, TL.MultiplyAdd(TL.MultiplyAdd(bl, m, bl), e, hiError));

        scale = TL.Pow2FromMagic(kd);
        return hi;
    }
}
