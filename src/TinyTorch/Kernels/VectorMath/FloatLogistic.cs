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
    private const float SigmoidFloor = -88.0f;
    private const float SigmoidCeiling = 87.0f;
    private const float TwoToMinus64 = 5.42101086e-20f;

    /// <summary>σ(x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Sigmoid<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV one = TL.Create(1.0f);
        TV magic = TL.Create(FloatExp.TableMagicValue);
        TV xc = TL.AtMost(TL.AtLeast(x, SigmoidFloor), SigmoidCeiling);
        TV kd = TL.MultiplyAdd(xc, TL.Create(FloatExp.MinusSixteenOverLn2), magic);
        TV r = FloatExp.TableParts<TV, TL>(xc, true, default, false, kd, magic, out TV powerHi, out TV u);
        TV a = TL.ScaleByPow2Over16(powerHi, kd);
        TV dHi = Denominator<TV, TL>(one, a, r, u, out TV dLo);
        return TL.SelectWhereBelow(x, SigmoidFloor, TL.Create(0.0f), FloatQuotient.Reciprocal<TV, TL>(dHi, dLo));
    }

    /// <summary>
    /// x·σ(z) for z = −(tHi + tLo) with the sign of x (GELU's shape): rounded once, and correct down to the bottom of
    /// float's range, where x·σ(z) is still normal although σ(z) alone is not (x = −52 in the sigmoid form: σ ≈ 1e−39).
    /// </summary>
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
            x, scaledBelow, TL.Create(FloatExp.TableMagicValue - (64.0f * FloatExp.MagicPerOctave)), TL.Create(FloatExp.TableMagicValue));
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
