using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// The logistic function for GELU's forms: x·σ(z) in float lanes, rounded once, and σ with its slope for backward
/// passes. The forward builds its denominator with <see cref="FloatSigmoid"/>'s few operations.
/// </summary>
/// <remarks>
/// x·σ(z) = x/d with d = 1 + e^t, t = −z, for both signs of t, no scaling afterwards (for x &lt; 0, e^t &gt; 1 and d is
/// just large). The reduction and the denominator are <see cref="FloatSigmoid"/>'s items 1–3, with the pair
/// t = tHi + tLo: r1 = tHi − k·ln 2/16 (exact), δ = ε_j − k·L2 + tLo, p ≈ e^(r1 + δ) − 1 of degree 3
/// (<see cref="FloatSigmoid.ExpM1{TV, TL}"/>), and dHi + dLo = unit + A·(1 + p) by
/// <see cref="FloatSigmoid.Denominator{TV, TL}"/>: within 2^-28.2 relative of d, |dLo| ≤ 2^-12·dHi. Then one pair
/// division of the float x, rounded once (<see cref="FloatQuotient.DivideFloat{TV, TL}"/>, 2^-30.5 before its rounding):
/// 0.5 + 2^24·(2^-28.2 + 2^-30.5) &lt; 0.57 ULP. (The earlier assembly, Fast2Sum of 1 + A and a degree-2 exponential
/// with δ's cross terms, was good to 2^-32.5 for 0.52 ULP, at five more operations: 8–9 % of the GELU forms' time. A
/// division that rounded x·R before correcting it saved two more operations, 2–3 %, for 1.5 ULP: not taken.)
/// </remarks>
internal static class FloatLogistic
{
    private const float TwoToMinus64 = 5.42101086e-20f;

    /// <summary>
    /// x·σ(z) for z = −(tHi + tLo) with the sign of x (GELU's shape, −0 at x = −0, as PyTorch): rounded once, and correct down to the bottom of
    /// float's range, where x·σ(z) is still normal although σ(z) alone is not (x = −52 in the sigmoid form: σ ≈ 1e−39).
    /// </summary>
    /// <remarks>
    /// x/(1 + e^t) as in the class remarks: within 0.57 ULP plus what z's own error makes of e^t (|t|·2^-44 for the
    /// callers' pairs, ≤ 2^-37).
    /// NOTE: e^t overflows float from t = 88.7, yet x·σ(z) is normal down to z ≈ −91 (sigmoid form). Lanes with x below
    /// <paramref name="scaledBelow"/> (where t ≥ 46) therefore compute the whole fraction at 2^-64 times its size:
    /// (x·2^-64)/(2^-64 + 2^(K−64)·T·(1 + p)): x·2^-64 is exact (|x| ≥ 8 there), 2^(K−64) comes from the same kd
    /// by starting it at TableMagic − 64·16 (so K − 64 ∈ [2, 95] and A is normal, ≥ 2.8 &gt; 2^-64·1.03: A − dHi is then
    /// exact by Sterbenz, as the denominator needs), and the quotient is rounded once, to the subnormal grid where it is
    /// subnormal (within 2^-148). The other lanes need t ∈ [−86, 88] (K ∈ [−124, 127]), which the callers' clamps
    /// guarantee. x = +∞ returns +∞ (the division would meet ∞ − ∞).
    /// </remarks>
    /// <param name="x">The factor, clamped from below by the caller so that x·σ(z) is −0 from there on; +∞ gives +∞.</param>
    /// <param name="tHi">−z, or its high part, in [−88, 110].</param>
    /// <param name="tLo">The low part of −z.</param>
    /// <param name="kdSource">
    /// v with kd = fma(v, <paramref name="kdSlope"/>, magic): v·kdSlope within 2^-22 relative of tHi·16/ln 2, so that k
    /// is within ½ + 2^-10 of tHi·16/ln 2 (three roundings of 2^-24 at |t·16/ln 2| ≤ 2540 stay below 2^-10.4; e.g.
    /// x·(−1.702·16/ln 2) for t ≈ −1.702x) and |r1 + δ| ≤ (½ + 2^-10)·ln 2/16 + 7e−6 &lt; 0.02172, the fit's interval.
    /// </param>
    /// <param name="kdSlope">See <paramref name="kdSource"/>.</param>
    /// <param name="scaledBelow">
    /// Lanes with x below it have tHi ≥ 46, lanes above it tHi ≤ 88: the former are computed at 2^-64 times scale.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TimesSigmoid<TV, TL>(TV x, TV tHi, TV tLo, TV kdSource, float kdSlope, float scaledBelow)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV magic = TL.SelectWhereBelow(
            x, scaledBelow, TL.Create(FloatExp.TableMagic - (64.0f * FloatExp.MagicPerOctave)), TL.Create(FloatExp.TableMagic));
        TV unit = TL.SelectWhereBelow(x, scaledBelow, TL.Create(TwoToMinus64), TL.Create(1.0f));
        TV quotient = Quotient<TV, TL>(TL.Multiply(x, unit), x, tHi, tLo, true, kdSource, kdSlope, magic, unit);
        return TL.SelectWhereBelow(x, float.PositiveInfinity, quotient, x);
    }

    /// <summary>
    /// <see cref="TimesSigmoid{TV, TL}"/> for vectors whose every lane is finite with x ≥ its scaledBelow (the caller
    /// has checked, and sends the others there): the same operations on those lanes without the per-lane selects of
    /// the scaled and infinite lanes, so the same bits. <paramref name="hasLow"/> false: tLo is zero, and adding it
    /// is skipped (x + 0 = x for the table's nonzero rest; the JIT cannot fold a float + 0 itself, for −0's sake).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TimesSigmoidModerate<TV, TL>(TV x, TV tHi, TV tLo, bool hasLow, TV kdSource, float kdSlope)
        where TV : struct
        where TL : IFloatLanes<TV> =>
        Quotient<TV, TL>(x, x, tHi, tLo, hasLow, kdSource, kdSlope, TL.Create(FloatExp.TableMagic), TL.Create(1.0f));

    /// <summary>(x·unit)/(unit + e^t) rounded once, with x's sign: the body both forms share.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Quotient<TV, TL>(TV scaledX, TV x, TV tHi, TV tLo, bool hasLow, TV kdSource, float kdSlope, TV magic, TV unit)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV kd = TL.MultiplyAdd(kdSource, TL.Create(kdSlope), magic);
        TV k = TL.Subtract(kd, magic);
        TV r1 = TL.MultiplyAdd(k, TL.Create(-FloatExp.Ln2Over16Hi), tHi);
        TV rest = TL.Lookup16(kd, FloatExp.PowerRest);
        TV delta = TL.MultiplyAdd(k, TL.Create(-FloatExp.Ln2Over16Lo), hasLow ? TL.Add(rest, tLo) : rest);
        TV p = FloatSigmoid.ExpM1<TV, TL>(TL.Add(r1, delta));
        TV a = TL.ScaleByPow2Over16(TL.Lookup16(kd, FloatExp.PowerHi), kd);
        TV dHi = FloatSigmoid.Denominator<TV, TL>(unit, a, r1, p, out TV dLo);

        // NOTE: x·σ(z) has the sign of x, but the corrected division gives +0 for x = −0 (its residual, −0 − −0, is
        // +0, and +0 + −0 rounds to +0), where PyTorch and x·σ(z) in IEEE arithmetic give −0. Copying x's sign back
        // changes no other result: over all 2^32 inputs of both GELU forms, x = −0 was the only one whose (non-NaN)
        // result had a sign other than x's.
        return TL.CopySign(FloatQuotient.DivideFloat<TV, TL>(scaledX, dHi, dLo), x);
    }

    /// <summary>
    /// σ(z) and σ(z)σ(−z) = σ′(z) together from one exponential, each rounded a few times (≤ 2^-22 relative): for
    /// backward passes, whose bound is looser than the forward's.
    /// </summary>
    /// <remarks>With e = e^(−|z|) and d = 1 + e: σ = e/d or 1/d by the sign of z, σ′ = e/d² either way (no 1 − σ).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV SigmoidAndSlope<TV, TL>(TV z, out TV slope)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV one = TL.Create(1.0f);
        TV hi = FloatExp.ExpNonPositive<TV, TL>(TL.NegativeAbs(z), out TV scale, out TV lo);
        TV e = TL.MultiplyAdd(scale, hi, TL.Multiply(scale, lo));
        TV reciprocal = TL.Divide(one, TL.Add(one, e));
        TV sigmoidOfAbs = TL.Multiply(e, reciprocal);
        slope = TL.Multiply(sigmoidOfAbs, reciprocal);
        return TL.SelectWhereBelow(z, 0.0f, sigmoidOfAbs, reciprocal);
    }
}
