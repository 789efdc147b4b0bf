using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>σ(x) = 1 / (1 + e^(−x)) in float lanes, within 1 ULP of the true value for every float input.</summary>
/// <remarks>
/// With e = e^(−|x|) = 2^k·(eHi + eLo) from <see cref="FloatExp"/>:
/// σ = 1 / (1 + e) for x ≥ 0 and σ = 2^k·(eHi + eLo) / (1 + e) for x &lt; 0 (the same function times e^x/e^x).
/// 1 + e is formed exactly as a pair (Fast2Sum, 1 ≥ 2^k·eHi, plus the scaled lo part), and the quotient of the
/// pairs is rounded once (<see cref="FloatQuotient"/>). For x &lt; 0 the factor 2^k is applied after the division:
/// exact for normal results, so the only errors are exp's (≤ 2^-32 relative, passed straight into σ for x &lt; 0
/// and damped by e/(1+e) ≤ ½ for x ≥ 0), the quotient's 2^-30.5 and the final rounding: ≤ 0.5 + 2^-6 ULP.
/// Below x = −87.70, 2^k is 0 (see <see cref="FloatExp"/>), so σ is +0 where the truth is under 2^-126.5.
/// NaN gives NaN. Checked over all 2^32 inputs (see the operator).
/// </remarks>
internal static class FloatLogistic
{
    /// <summary>σ(x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Sigmoid<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV nHi = Fraction<TV, TL>(x, default, false, out TV kd, out TV nLo, out TV dHi, out TV dLo);
        TV quotient = FloatQuotient.Divide<TV, TL>(nHi, nLo, dHi, dLo);
        return TL.Multiply(quotient, TL.SelectWhereBelow(x, 0.0f, FloatExp.Pow2<TV, TL>(kd), TL.Create(1.0f)));
    }

    /// <summary>
    /// x·σ(zHi + zLo), where z has the sign of x (GELU's shape): rounded once, and correct down to the bottom of
    /// float's range, where x·σ(z) is still normal although σ(z) alone is not (x = −52 in the sigmoid form: σ ≈ 1e−39).
    /// </summary>
    /// <remarks>
    /// x joins the numerator pair exactly (its product with the high part is split by an FMA), so the pair
    /// quotient is the only rounding, as in <see cref="Sigmoid{TV, TL}"/>. σ is clamped only at |z| = 110, and its
    /// power of two is applied in two steps: 2^(k + 64) is a normal float for every k ≥ −159, so multiplying by it is
    /// exact, and the last multiply by 2^-64 rounds only where the result is subnormal.
    /// Callers clamp x from below so that x·σ underflows to 0 where |z| ≥ 110, and keep z finite; x = +∞ returns
    /// +∞ (the pair arithmetic would meet ∞ − ∞).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TimesSigmoid<TV, TL>(TV x, TV zHi, TV zLo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV one = TL.Create(1.0f);
        TV tLo = TL.SelectWhereBelow(zHi, 0.0f, zLo, TL.Subtract(TL.Create(0.0f), zLo));
        TV nHi = Fraction<TV, TL>(zHi, tLo, true, out TV kd, out TV nLo, out TV dHi, out TV dLo);
        TV mHi = TL.Multiply(x, nHi);
        TV mLo = TL.MultiplyAdd(x, nLo, TL.MultiplyAdd(x, nHi, TL.Subtract(TL.Create(0.0f), mHi)));
        TV quotient = FloatQuotient.Divide<TV, TL>(mHi, mLo, dHi, dLo);

        TV up = TL.SelectWhereBelow(zHi, 0.0f, FloatExp.Pow2<TV, TL>(TL.Add(kd, TL.Create(64.0f * FloatExp.MagicPerOctave))), one);
        TV down = TL.SelectWhereBelow(zHi, 0.0f, TL.Create(5.42101086e-20f), one);   // 2^-64
        return TL.SelectWhereBelow(x, float.PositiveInfinity, TL.Multiply(TL.Multiply(quotient, up), down), x);
    }

    /// <summary>
    /// σ(zHi + zLo) as the pair fraction (result + nLo)/(dHi + dLo), times 2^k where zHi &lt; 0 (the power of two
    /// left to the caller, so that it can scale without underflowing on the way).
    /// </summary>
    /// <param name="zHi">The argument, or its high part.</param>
    /// <param name="tLo">The low part of −|z|: zLo where zHi &lt; 0, −zLo elsewhere.</param>
    /// <param name="pair">
    /// Whether z is a pair (then tLo counts) reaching deep into the tail: e^(−|z|) is clamped at −110, not −88, and
    /// 2^k may be subnormal. False for a plain float z (tLo ignored), which saves two instructions.
    /// </param>
    /// <param name="kd">k, encoded as <see cref="FloatExp"/> returns it (2^k = <see cref="FloatExp.Pow2{TV, TL}"/>(kd)).</param>
    /// <param name="nLo">The numerator's low part.</param>
    /// <param name="dHi">The denominator's high part, in [1, 2].</param>
    /// <param name="dLo">The denominator's low part.</param>
    /// <returns>The numerator's high part: 1 where zHi ≥ 0, else e^(−|z|)/2^k ∈ [0.69, 1.39].</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Fraction<TV, TL>(TV zHi, TV tLo, bool pair, out TV kd, out TV nLo, out TV dHi, out TV dLo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV one = TL.Create(1.0f);
        TV eHi = FloatExp.ExpNonPositive<TV, TL>(TL.NegativeAbs(zHi), tLo, pair, pair ? -110.0f : -88.0f, false, out kd, out TV eLo);

        // NOTE: below k = −127 the true 2^k is subnormal and FloatExp.Pow2 cannot build it; in the denominator
        // 1 + 2^k·e such a term is below 2^-126 anyway, so k is floored there (2^-127 comes out as 0).
        TV scale = FloatExp.Pow2<TV, TL>(pair ? TL.AtLeast(kd, FloatExp.MagicForExponent(-127)) : kd);
        TV a = TL.Multiply(scale, eHi);

        // NOTE: 1 + a as one FMA of the exact product (a itself is exact wherever it matters, and 1 + a rounds to 1
        // where it is not): the same bits as an add after the multiply, one step shorter on the path to the division.
        dHi = TL.MultiplyAdd(scale, eHi, one);
        dLo = TL.MultiplyAdd(scale, eLo, TL.Add(TL.Subtract(one, dHi), a));

        nLo = TL.SelectWhereBelow(zHi, 0.0f, eLo, TL.Create(0.0f));
        return TL.SelectWhereBelow(zHi, 0.0f, eHi, one);
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
