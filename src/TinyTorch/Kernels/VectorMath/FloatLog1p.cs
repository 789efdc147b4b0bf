using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// ln(1 + w) for w ∈ [0, 1] given as a float pair w + wLo (|wLo| ≤ 2^-23·w), returned unrounded as hi + lo within
/// 2^-26.5 relative (|lo| ≤ 0.055·hi), so that a caller that adds it to something (Softplus's x + ln(1 + e^-x)) still rounds once.
/// </summary>
/// <remarks>
/// Two forms, both computed and selected per lane:
/// <list type="bullet">
/// <item>w &lt; 2^-6: the series, hi = w and lo = wLo + w²·P(w), P(w) = −1/2 + w/3 − w²/4 + w³/5 − w⁴/6 (truncated
/// at w⁶/7 ≤ 2^-38.8·w); lo is at most 2^-7·w, so its roundings (2^-24 of it) stay below 2^-31·w.</item>
/// <item>w ≥ 2^-6: FreeBSD msun's log1p/logf reduction (its kernel k_log.h) carried out on a pair.
/// u = 1 + w as uHi + uLo (uLo = ((1 − uHi) + w) + wLo: 1 − uHi exact by Sterbenz, the addition of w exact as a
/// Fast2Sum with |1| ≥ w); 1 + w = 2^K·(1 + f)(1 + ε) with K = 1 where uHi ≥ √2 (uHi halved, exactly), f = uHi·2^-K − 1
/// ∈ [−0.293, 0.415] exact (Sterbenz), ε = uLo·2^-K/(1 + f), |ε| ≤ 2^-23.5. Then
/// ln(1 + f) = f − h + s·(h + R) with h = f²/2 (as h + hLo, hLo = fma(f/2, f, −h) exact), s = f/(2 + f), z = s² ≤ 0.0295,
/// R = z·(2/3 + z·(2/5 + z·(2/7 + z·(2/9 + z·2/11)))): the Taylor series of 2·atanh(s) = ln(1 + f) less 2s, truncated at
/// s·2z⁶/13 ≤ 2^-34·|f|. hi = K·ln2Hi + (f − h) and the two rounding errors of that sum come from Fast2Sums (|f| ≥ h,
/// and ln2Hi ≥ |f − h| where K = 1), so only small terms go into lo = errors + K·ln2Lo + ε − hLo + s·(h + R) (one FMA).
/// Error: s·(h + R) ≤ 0.053·ln(1 + f) over the interval. s = f/(2 + f) is corrected once after its division (the
/// denominator's rounding error dLo is exact, ρ = f − s0·(2 + f) by two FMAs, s = s0 + ρ·(½ − f/4)): within 2^-24 where
/// the two plain roundings would leave 2^-23.1; so s·h is within 2^-24 of itself, 2^-28.2 of ln(1 + w). s·R (≤ 0.19 of
/// s·(h + R), R's own few roundings) adds 2^-30; lo is formed by two FMAs, fma(s, h, fma(s, r, small)), whose roundings
/// are 2^-25 of ≤ 0.01·ln(1 + w) and of |lo| ≤ 0.054·ln(1 + w) (2^-29.2); the Fast2Sum errors are exact up to their
/// addition (2^-48): within 2^-27 of ln(1 + w) by this count; the tests assert 2^-26.5, having met 2^-27.0 at w = 0.3929; and the
/// dropped ε²/2 is below 2^-47.</item>
/// </list>
/// w = 0 gives hi = lo = 0 (the series). NaN stays NaN (both forms propagate it, and the select keeps the second).
/// Every width runs the same float operations (FMA everywhere), so all agree bit for bit.
/// </remarks>
internal static class FloatLog1p
{
    private const float SeriesBelow = 0.015625f;             // 2^-6
    private const float Sqrt2 = 1.41421354f;                // √2 rounded up: uHi ≥ it takes K = 1
    private const float Ln2Hi = 0.693147182f;               // 0x3F317218
    private const float Ln2Lo = -1.90465421e-09f;           // ln 2 − Ln2Hi

    /// <summary>ln(1 + w + wLo) = result + <paramref name="lo"/> for w ∈ [0, 1] (see the remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log1p<TV, TL>(TV w, TV wLo, out TV lo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV one = TL.Create(1.0f);

        // The series, for w < 2^-6.
        TV p = TL.MultiplyAdd(TL.MultiplyAdd(TL.MultiplyAdd(TL.MultiplyAdd(
            TL.Create(-1.0f / 6.0f), w, TL.Create(0.2f)), w, TL.Create(-0.25f)), w, TL.Create(1.0f / 3.0f)), w, TL.Create(-0.5f));
        TV seriesLo = TL.MultiplyAdd(TL.Multiply(w, w), p, wLo);

        // The reduction, for w ≥ 2^-6.
        TV uHi = TL.Add(one, w);
        TV uLo = TL.Add(TL.Add(TL.Subtract(one, uHi), w), wLo);
        TV half = TL.SelectWhereBelow(uHi, Sqrt2, one, TL.Create(0.5f));
        TV m = TL.Multiply(uHi, half);
        TV f = TL.Subtract(m, one);
        TV epsilon = TL.Divide(TL.Multiply(uLo, half), m);
        TV halfF = TL.Multiply(f, TL.Create(0.5f));
        TV h = TL.Multiply(halfF, f);
        TV hLo = TL.MultiplyAdd(halfF, f, TL.Subtract(TL.Create(0.0f), h));
        // s = f/(2 + f) rounded twice would be 2^-23.1 off; one correction step makes it 2^-24 (the denominator's
        // rounding error is exact, and ρ/(2 + f) needs only a few bits: 1/(2 + f) ≈ ½ − f/4 within 2^-4.4 is enough).
        TV two = TL.Create(2.0f);
        TV d = TL.Add(two, f);
        TV dLo = TL.Add(TL.Subtract(two, d), f);
        TV s0 = TL.Divide(f, d);
        TV rho = TL.NegatedMultiplyAdd(s0, dLo, TL.NegatedMultiplyAdd(s0, d, f));
        TV s = TL.MultiplyAdd(rho, TL.MultiplyAdd(f, TL.Create(-0.25f), TL.Create(0.5f)), s0);
        TV z = TL.Multiply(s, s);
        TV r = TL.Multiply(z, TL.MultiplyAdd(TL.MultiplyAdd(TL.MultiplyAdd(TL.MultiplyAdd(
            TL.Create(2.0f / 11.0f), z, TL.Create(2.0f / 9.0f)), z, TL.Create(2.0f / 7.0f)), z, TL.Create(0.4f)), z, TL.Create(2.0f / 3.0f)));
        TV k = TL.Subtract(TL.Create(1.0f), half);                     // 0 or ½
        TV kLn2Hi = TL.Multiply(k, TL.Create(2.0f * Ln2Hi));            // 0 or ln2Hi, exactly

        // f − h and K·ln2Hi + (f − h) as Fast2Sums (|f| ≥ h; ln2Hi ≥ |f − h| where K = 1, and 0 + x is exact): the
        // large terms are never rounded into lo, only the small s·(h + R) and the errors are.
        TV fh = TL.Subtract(f, h);
        TV fhError = TL.Subtract(TL.Subtract(f, fh), h);
        TV reducedHi = TL.Add(kLn2Hi, fh);
        TV hiError = TL.Add(TL.Subtract(kLn2Hi, reducedHi), fh);
        TV small = TL.Add(TL.Add(fhError, hiError), TL.Subtract(TL.MultiplyAdd(k, TL.Create(2.0f * Ln2Lo), epsilon), hLo));
        TV reducedLo = TL.MultiplyAdd(s, h, TL.MultiplyAdd(s, r, small));

        lo = TL.SelectWhereBelow(w, SeriesBelow, seriesLo, reducedLo);
        return TL.SelectWhereBelow(w, SeriesBelow, w, reducedHi);
    }
}
