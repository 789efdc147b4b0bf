using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// ln(1 + w) for w ∈ [0, 1] given as a float pair w + wLo (|wLo| ≤ 2^-23·w), returned unrounded as hi + lo within
/// 2^-26.25 relative (|lo| ≤ 0.04·hi), so that a caller that adds it to something (Softplus's x + ln(1 + e^-x)) still
/// rounds once.
/// </summary>
/// <remarks>
/// One form for the whole interval, no reduction: ln(1 + w) = 2·atanh(s) with s = w/(2 + w) ∈ [0, ⅓], and
/// 2·atanh(s) = 2s + 2s·z·Q(z), z = s², Q(z) = 1/3 + z/5 + z²/7 + … + z⁷/17 (Taylor; the rest is below 2^-29.4·Q at
/// z ≤ 1/9). (The earlier form, msun's log1p reduction beside a series for w &lt; 2^-6, both in every lane and two
/// divisions, cost twice the operations: this one is half of Softplus's time less.)
/// <list type="bullet">
/// <item>s as a pair s0 + sLo: d + dLo = 2 + w exactly (Fast2Sum, 2 ≥ w), s0 = w/d rounded, and the residual
/// ρ = (w + wLo) − s0·(d + dLo + wLo) = fma(−s0, d, w) (exact: the remainder of a rounded quotient) − s0·dLo +
/// wLo·(1 − s0), both small terms rounded at 2^-24 of a value below 2^-23·w. sLo = ρ·c with c ≈ 1/(2 + w) a quadratic
/// within 2^-8.9 (ρ/(2 + w) needs only a few correct bits, |sLo| ≤ 2^-24·s0): s0 + sLo within 2^-32 of s.</item>
/// <item>Errors relative to ln(1 + w), all at most zQ/(1 + zQ) ≤ 0.0382 of one rounding of the small term: z = fma(s0,
/// s0, 2s0·sLo) rounded once (2^-28.7), Q's Horner steps (1.3·2^-24 of Q: 2^-28.3), t = z·Q (2^-28.7), lo =
/// fma(2s0, t, 2sLo) rounded once (2^-28.6), and 2s0 for 2s in that product (2^-28.6): in all below 2^-26.25.
/// Measured over 4M random pairs: at most 2^-26.58 (w = 0.968).</item>
/// </list>
/// Near the bottom of float's range s0 = w/(2 + w) turns subnormal (w &lt; 2^-125) and loses relative precision; the
/// callers never need it there (their results are then ±x, or come from their deep tails).
/// w = 0 gives hi = lo = 0. NaN stays NaN.
/// Every width runs the same float operations (FMA everywhere), so all agree bit for bit.
/// </remarks>
internal static class FloatLog1p
{
    // c(w) ≈ 1/(2 + w) on [0, 1], interpolating at the Chebyshev nodes: relative error below 2^-8.9.
    private const float C0 = 0.498969072f;
    private const float C1 = -0.230927835f;
    private const float C2 = 0.0659793814f;

    /// <summary>ln(1 + w + wLo) = result + <paramref name="lo"/> for w ∈ [0, 1] (see the remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log1p<TV, TL>(TV w, TV wLo, out TV lo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV two = TL.Create(2.0f);
        TV d = TL.Add(two, w);
        TV dLo = TL.Add(TL.Subtract(two, d), w);
        TV s0 = TL.Divide(w, d);

        // NOTE: s0 alone is 2^-24 off, which would be the whole budget: its residual against the exact pair carries the
        // rest, so that 2s0 can be hi and everything rounded lands in the small lo.
        TV rho = TL.NegatedMultiplyAdd(s0, dLo, TL.NegatedMultiplyAdd(s0, d, w));
        rho = TL.MultiplyAdd(wLo, TL.Subtract(TL.Create(1.0f), s0), rho);
        TV c = TL.MultiplyAdd(TL.MultiplyAdd(w, TL.Create(C2), TL.Create(C1)), w, TL.Create(C0));
        TV sLo = TL.Multiply(rho, c);

        TV twoS0 = TL.Add(s0, s0);
        TV z = TL.MultiplyAdd(s0, s0, TL.Multiply(twoS0, sLo));
        TV q = TL.MultiplyAdd(TL.MultiplyAdd(TL.MultiplyAdd(TL.MultiplyAdd(TL.MultiplyAdd(TL.MultiplyAdd(TL.MultiplyAdd(
            TL.Create(1.0f / 17.0f), z, TL.Create(1.0f / 15.0f)), z, TL.Create(1.0f / 13.0f)), z, TL.Create(1.0f / 11.0f)),
            z, TL.Create(1.0f / 9.0f)), z, TL.Create(1.0f / 7.0f)), z, TL.Create(0.2f)), z, TL.Create(1.0f / 3.0f));
        lo = TL.MultiplyAdd(twoS0, TL.Multiply(z, q), TL.Add(sLo, sLo));
        return twoS0;
    }
}
