using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// The logistic function for GELU's forms: x·σ(z) in float lanes, rounded once, and σ with its slope for backward
/// passes (σ alone, forward, is <see cref="FloatSigmoid"/>, which trades this class's margin for fewer operations).
/// </summary>
/// <remarks>
/// The denominator d = 1 + e^t of σ(−t), for both signs of t, no scaling afterwards (for
/// x &lt; 0, e^t &gt; 1 and d is just large). <see cref="FloatExp.TableParts{TV, TL}"/> gives e^t = A·(1 + r + u) with
/// A = 2^K·T exact (the table entry with K added to its exponent field), |r| &lt; 0.0218, |u| ≤ 2^-12, within 2^-32.6
/// relative. d is then assembled as a float pair without ever waiting for e^t as a whole (the division starts as
/// soon as the first-order part is known):
/// <list type="bullet">
/// <item>D0 = 1 + A rounded, e0 = (max(1, A) − D0) + min(1, A) its exact error (Dekker's Fast2Sum, larger operand first).</item>
/// <item>dHi = fma(A, r, D0); e1 = fma(A, r, D0 − dHi) its rounding error: D0 − dHi is exact (Sterbenz, dHi/D0 ∈
/// [0.97, 1.03]), e1 is rounded once more (≤ 2^-48·dHi).</item>
/// <item>dLo = fma(A, u, e0) + e1: |A·u| ≤ 2^-12·dHi and |e0|, |e1| ≤ 2^-24·dHi, so each of the two roundings is
/// below 2^-35.9·dHi and |dLo| ≤ 2^-11.9·dHi, as <see cref="FloatQuotient.DivideFloat{TV, TL}"/> needs.</item>
/// </list>
/// So dHi + dLo = d·(1 ± 2^-32.5) (exp's error comes damped by A/d ≤ 1), and the pair division adds 2^-30.5 relative
/// before its one rounding (<see cref="TimesSigmoid{TV, TL}"/>).
/// </remarks>
internal static class FloatLogistic
{
    private const float TwoToMinus64 = 5.42101086e-20f;

    /// <summary>
    /// x·σ(z) for z = −(tHi + tLo) with the sign of x (GELU's shape): rounded once, and correct down to the bottom of
    /// float's range, where x·σ(z) is still normal although σ(z) alone is not (x = −52 in the sigmoid form: σ ≈ 1e−39).
    /// </summary>
    /// <remarks>
    /// x/(1 + e^t), with d = 1 + e^t as in the class remarks and the pair t carried into the exponential
    /// (its tLo joins δ), and one pair division of the float x (<see cref="FloatQuotient.DivideFloat{TV, TL}"/>): the
    /// same bound, &lt; 0.52 ULP plus what z's own error makes of e^t (|t|·2^-44 for the callers' pairs, ≤ 2^-37).
    /// NOTE: e^t overflows float from t = 88.7, yet x·σ(z) is normal down to z ≈ −91 (sigmoid form). Lanes with x below
    /// <paramref name="scaledBelow"/> (where t ≥ 46) therefore compute the whole fraction at 2^-64 times its size:
    /// (x·2^-64)/(2^-64 + 2^(K−64)·T·(1 + r + u)): x·2^-64 is exact (|x| ≥ 8 there), 2^(K−64) comes from the same kd
    /// by starting it at TableMagic − 64·16 (so K − 64 ∈ [2, 95] and A is normal, ≥ 2.8 &gt; 2^-64: the Fast2Sum of the
    /// denominator holds with the larger operand chosen per lane), and the quotient is rounded once, to the subnormal
    /// grid where it is subnormal (within 2^-148). The other lanes need t ∈ [−86, 88] (K ∈ [−124, 127]), which the
    /// callers' clamps guarantee. x = +∞ returns +∞ (the division would meet ∞ − ∞).
    /// </remarks>
    /// <param name="x">The factor, clamped from below by the caller so that x·σ(z) is −0 from there on; +∞ gives +∞.</param>
    /// <param name="tHi">−z, or its high part, in [−88, 110].</param>
    /// <param name="tLo">The low part of −z.</param>
    /// <param name="kdSource">v with kd = fma(v, <paramref name="kdSlope"/>, magic): v·kdSlope within 2^-22 relative of tHi·16/ln 2.</param>
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
        TV kd = TL.MultiplyAdd(kdSource, TL.Create(kdSlope), magic);
        TV r = FloatExp.TableParts<TV, TL>(tHi, false, tLo, true, kd, magic, out TV powerHi, out TV u);
        TV a = TL.ScaleByPow2Over16(powerHi, kd);
        TV dHi = Denominator<TV, TL>(unit, a, r, u, out TV dLo);
        TV quotient = FloatQuotient.DivideFloat<TV, TL>(TL.Multiply(x, unit), dHi, dLo);
        return TL.SelectWhereBelow(x, float.PositiveInfinity, quotient, x);
    }

    /// <summary>
    /// unit + a·(1 + r + u) as a pair (result + <paramref name="dLo"/>), |dLo| ≤ 2^-11·result, for a ≥ 0, unit &gt; 0
    /// and |r| ≤ 0.0218, |u| ≤ 2^-12: the denominator 1 + e^t of σ(−t), at unit times its scale.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Denominator<TV, TL>(TV unit, TV a, TV r, TV u, out TV dLo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV d0 = TL.Add(unit, a);
        TV e0 = TL.Add(TL.Subtract(TL.Larger(a, unit), d0), TL.Smaller(a, unit));
        TV dHi = TL.MultiplyAdd(a, r, d0);
        TV e1 = TL.MultiplyAdd(a, r, TL.Subtract(d0, dHi));
        dLo = TL.Add(TL.MultiplyAdd(a, u, e0), e1);
        return dHi;
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
