using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// The gated units' core in float lanes: n·σ(z) = n/(1 + e^t), t = −z, for a numerator n and an argument t that
/// are independent of each other (GLU: n = a, t = −b; SwiGLU: n = a·b, t = −b), rounded once.
/// </summary>
/// <remarks>
/// <see cref="FloatLogistic.TimesSigmoid{TV, TL}"/> computes x·σ(z) where t is tied to x (SiLU, GELU): its scaling
/// is chosen by x. Here n and t are independent, so n = 3e38 with t = 150 (b = −150) is a normal result,
/// 3e38·e^-150 ≈ 2e−27, although e^150 overflows float. So the scale is chosen by t, in three regimes:
/// <list type="bullet">
/// <item>t &lt; 46: d = 1 + e^t as in <see cref="FloatSigmoid"/> (K ∈ [−125, 67], A = 2^K·T normal);</item>
/// <item>46 ≤ t &lt; 128: d·2^-64 = 2^-64 + 2^(K−64)·T·(1 + p), K − 64 ∈ [2, 121]: kd's magic is shifted by 64
/// octaves, the unit becomes 2^-64, and the quotient n/(d·2^-64) is scaled by 2^-64 afterwards;</item>
/// <item>128 ≤ t ≤ 200: d·2^-168 = 2^(K−168)·T·(1 + p) (the unit, 2^-168, is below float and below the sum's last
/// bit anyway), K − 168 ∈ [16, 121], the quotient scaled by 2^-84 twice.</item>
/// </list>
/// The denominator is <see cref="FloatSigmoid.Denominator{TV, TL}"/>'s pair (within 2^-28.2 relative, |dLo| ≤
/// 2^-12·dHi; its argument holds for unit = 1 or unit ≤ A/1.03, true in every regime), the quotient one pair division
/// (<see cref="FloatQuotient.Divide{TV, TL}"/>: 0.5 ULP + 2^-30.5 relative), so the quotient is within
/// 0.5 + 2^24·(2^-28.2 + 2^-30.5) &lt; 0.57 ULP of n/d wherever it is normal. The scalings afterwards are by powers of
/// two, exact unless the result is subnormal, where they round a second time, on the subnormal grid: the quotient's own
/// error (0.57 of its ULP, which there is at most half a subnormal step) plus that ½: within 0.79 ULP in subnormal
/// spacing (2^-149; 0.76 measured). NOTE: rounding once there too was built and measured: the quotient's pair rounded
/// to the subnormal grid at the lane's scale (C = (2^-126/second)/first, then magic-constant steps), recomputed for the
/// rare outputs found subnormal. It held 0.54 ULP, but finding them cost the common path: a test and a call per vector
/// 20–30 % (GLU 0.42 → 0.54 ns/element at 4 096, one thread, min of 20 rounds), a flag per vector 12 %, an integer
/// minimum carried through GateLoop's loop and tested once 8–10 % (0.42 → 0.47). So the bound is stated instead.
/// The reduction is <see cref="FloatSigmoid"/>'s item 1 over the wider range: |k| ≤ 200·16/ln 2 &lt; 4620, so the
/// constant 16/ln 2's rounding moves k·ln 2/16 by ≤ 4620·2^-24 &lt; 2^-11.8 (k stays within ½ + 2^-10 of t·16/ln 2),
/// r1 = t − k·L1 is still exact (t a multiple of 2^-29 wherever k ≠ 0), and |δ| ≤ 4620·1.2e−10 + 2^-24.3 &lt; 6e−7:
/// r1 + δ stays inside the polynomial's interval, |r| ≤ 0.02172.
/// The caller clamps t to [<see cref="LowestT"/>, <see cref="HighestT"/>]: below −86, σ(z) = 1 − e^t with
/// e^t &lt; 2^-124, which moves n/d by far less than its rounding; above 200, |n|/e^t &lt; 2^136·2^-288 rounds to ±0
/// for every numerator the callers form (|n| ≤ 2^136).
/// </remarks>
internal static class FloatGate
{
    /// <summary>The lowest t the callers pass (z = 86: σ(z) = 1 − 2^-124).</summary>
    internal const float LowestT = -86.0f;

    /// <summary>The highest t the callers pass (z = −200: |n|·e^z &lt; 2^-152 for |n| ≤ 2^136).</summary>
    internal const float HighestT = 200.0f;

    private const float ScaledFrom = 46.0f;
    private const float FarFrom = 128.0f;
    private const float TwoToMinus64 = 5.42101086e-20f;
    private const float TwoToMinus84 = 5.16987883e-26f;

    /// <summary>The smallest |n| whose scaling is 1 (2^-100; below it the numerator is scaled up, see <see cref="ScaledNumerator{TV, TL}"/>).</summary>
    internal const float SmallestUnscaled = 7.88860905e-31f;

    /// <summary>The largest |a·g| whose scaling is 1 (2^64; above it the product is scaled down, see <see cref="ScaledProduct{TV, TL}"/>).</summary>
    internal const float LargestUnscaled = 1.8446744e19f;

    /// <summary>
    /// (nHi + nLo)/(1 + e^(tHi + tLo)) · <paramref name="scale"/>, rounded once (see the class remarks), with the sign
    /// of nHi where it is 0.
    /// </summary>
    /// <param name="nHi">The numerator, or its high part: finite, |n| ≤ 2^136 after the caller's scaling.</param>
    /// <param name="nLo">Its low part, |nLo| ≤ 2^-24·|nHi| (0 for a float numerator).</param>
    /// <param name="tHi">t = −z, or its high part, in [<see cref="LowestT"/>, <see cref="HighestT"/>] (or NaN).</param>
    /// <param name="tLo">The low part of t.</param>
    /// <param name="kdSource">v with kd = fma(v, <paramref name="kdSlope"/>, magic) within ½ + 2^-10 of tHi·16/ln 2.</param>
    /// <param name="kdSlope">See <paramref name="kdSource"/>.</param>
    /// <param name="scale">A power of two the caller divided the numerator by (1, 2^64 or 2^-64): folded into the
    /// regime's own scaling, so that the result is still rounded once.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TimesSigmoid<TV, TL>(TV nHi, TV nLo, TV tHi, TV tLo, TV kdSource, float kdSlope, TV scale)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV magic = TL.SelectWhereBelow(
            tHi,
            ScaledFrom,
            TL.Create(FloatExp.TableMagic),
            TL.SelectWhereBelow(
                tHi,
                FarFrom,
                TL.Create(FloatExp.TableMagic - (64.0f * FloatExp.MagicPerOctave)),
                TL.Create(FloatExp.TableMagic - (168.0f * FloatExp.MagicPerOctave))));
        TV unit = TL.SelectWhereBelow(
            tHi, ScaledFrom, TL.Create(1.0f), TL.SelectWhereBelow(tHi, FarFrom, TL.Create(TwoToMinus64), TL.Create(0.0f)));

        // NOTE: the first factor takes the caller's scale, the second only the far regime's second 2^-84: each
        // product of the two powers is a float (2^-148 at the smallest), and applied in this order the first
        // multiplication rounds only when the result ends up far below 2^-126 anyway.
        TV first = TL.Multiply(
            scale,
            TL.SelectWhereBelow(
                tHi, ScaledFrom, TL.Create(1.0f), TL.SelectWhereBelow(tHi, FarFrom, TL.Create(TwoToMinus64), TL.Create(TwoToMinus84))));
        TV second = TL.SelectWhereBelow(tHi, FarFrom, TL.Create(1.0f), TL.Create(TwoToMinus84));

        return TL.Multiply(TL.Multiply(Quotient<TV, TL>(nHi, nLo, tHi, tLo, kdSource, kdSlope, magic, unit), first), second);
    }

    /// <summary>
    /// <see cref="TimesSigmoid{TV, TL}"/> where every lane is ordinary (<see cref="AllOrdinary{TV, TL}"/>: t &lt; 46, the
    /// caller's scale 1) and t is a float (tLo = 0): its first regime alone, without the selects. The same bits as TimesSigmoid there, whose
    /// scalings are then by 1 (exact).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TimesSigmoidOrdinary<TV, TL>(TV nHi, TV nLo, TV tHi, TV kdSource, float kdSlope)
        where TV : struct
        where TL : IFloatLanes<TV> =>
        Quotient<TV, TL>(nHi, nLo, tHi, TL.Create(0.0f), kdSource, kdSlope, TL.Create(FloatExp.TableMagic), TL.Create(1.0f), floatT: true);

    /// <summary><see cref="TimesSigmoidOrdinary{TV, TL}(TV, TV, TV, TV, float)"/> for a float numerator (GLU's a).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TimesSigmoidOrdinary<TV, TL>(TV n, TV tHi, TV kdSource, float kdSlope)
        where TV : struct
        where TL : IFloatLanes<TV> =>
        Quotient<TV, TL>(n, TL.Create(0.0f), tHi, TL.Create(0.0f), kdSource, kdSlope, TL.Create(FloatExp.TableMagic), TL.Create(1.0f), floatN: true, floatT: true);

    /// <summary>
    /// Whether every lane is ordinary, so that a gate may take <see cref="TimesSigmoidOrdinary{TV, TL}(TV, TV, TV, TV, float)"/>: a and b
    /// finite, b &gt; −46 (t = −b &lt; 46, the first regime), and <paramref name="floor"/> ≤ |n| ≤ <paramref name="ceiling"/>
    /// for the numerator n (where its scaling is 1: see <see cref="ScaledNumerator{TV, TL}"/> and
    /// <see cref="ScaledProduct{TV, TL}"/>). One vector-wide test: the rare vectors take the general path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllOrdinary<TV, TL>(TV a, TV b, TV n, float floor, float ceiling)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        // NOTE: a·0 + b·0 is 0, or NaN where a or b is not finite; AnyBelow passes NaN lanes over, so they are made −∞.
        // −45.999996 is the float after −46: b below it is b ≤ −46. (A ceiling of float.MaxValue is no test: folded away.)
        TV zero = TL.Create(0.0f);
        TV finite = TL.Add(TL.Multiply(a, zero), TL.Multiply(b, zero));
        TV key = TL.SelectWhereBelow(finite, 1.0f, b, TL.Create(float.NegativeInfinity));
        TV negativeAbs = TL.NegativeAbs(n);
        bool tooLarge = ceiling < float.MaxValue && TL.AnyBelow(negativeAbs, -ceiling);
        return !(TL.AnyBelow(key, -45.999996f) | TL.AnyBelow(TL.Subtract(zero, negativeAbs), floor) | tooLarge);
    }

    /// <summary>The steps of <see cref="TimesSigmoid{TV, TL}"/> up to its quotient, for a regime's magic and unit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Quotient<TV, TL>(TV nHi, TV nLo, TV tHi, TV tLo, TV kdSource, float kdSlope, TV magic, TV unit, bool floatN = false, bool floatT = false)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        // floatN, floatT (constants after inlining): nLo, tLo are 0 and their additions are left out (the same values).
        TV kd = TL.MultiplyAdd(kdSource, TL.Create(kdSlope), magic);
        TV k = TL.Subtract(kd, magic);
        TV r1 = TL.MultiplyAdd(k, TL.Create(-FloatExp.Ln2Over16Hi), tHi);
        TV rest = TL.Lookup16(kd, FloatExp.PowerRest);
        TV delta = TL.MultiplyAdd(k, TL.Create(-FloatExp.Ln2Over16Lo), floatT ? rest : TL.Add(rest, tLo));
        TV p = FloatSigmoid.ExpM1<TV, TL>(TL.Add(r1, delta));
        TV a = TL.ScaleByPow2Over16(TL.Lookup16(kd, FloatExp.PowerHi), kd);
        TV dHi = FloatSigmoid.Denominator<TV, TL>(unit, a, r1, p, out TV dLo);

        // NOTE: the corrected division turns a −0 numerator into +0 (see FloatLogistic.TimesSigmoid): σ > 0, so the
        // result has the numerator's sign, copied back.
        TV quotient = floatN ? FloatQuotient.DivideFloat<TV, TL>(nHi, dHi, dLo) : FloatQuotient.Divide<TV, TL>(nHi, nLo, dHi, dLo);
        return TL.CopySign(quotient, nHi);
    }

    /// <summary>
    /// a·g as an exact pair nHi + <paramref name="nLo"/>, scaled by 1/<paramref name="scale"/> so that the pair is
    /// exact and finite whenever a·g is finite: 2^-64 where |a·g| &gt; 2^64 (both factors by 2^-32, exact: the other
    /// factor cannot be below 2^-94 then), 2^64 where 0 &lt; |a·g| &lt; 2^-100 (both by 2^32: no overflow, since the
    /// other factor would be 0), else 1. In between the product's low part is a float (|a·g| ≥ 2^-102), so
    /// nHi + nLo = a·g/scale exactly. NOTE: the small case is not only for the pair: a numerator below ~2^-113 leaves the
    /// division's remainder (≈ 2^-12·n) in the subnormals, where it loses the bits the one rounding needs (GLU measured
    /// 1.07 ULP at a ≈ 2e−38 before its a went through here as a·1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV ScaledProduct<TV, TL>(TV a, TV g, out TV nLo, out TV scale)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV one = TL.Create(1.0f);
        TV rounded = TL.Multiply(a, g);
        TV negativeAbs = TL.NegativeAbs(rounded);
        TV abs = TL.Subtract(TL.Create(0.0f), negativeAbs);
        TV factor = TL.SelectWhereBelow(
            negativeAbs,
            -1.8446744e19f,
            TL.Create(2.32830644e-10f),
            TL.SelectWhereBelow(abs, 7.88860905e-31f, TL.SelectWhereBelow(negativeAbs, 0.0f, TL.Create(4.2949673e9f), one), one));
        scale = TL.SelectWhereBelow(
            negativeAbs,
            -1.8446744e19f,
            TL.Create(1.8446744e19f),
            TL.SelectWhereBelow(abs, 7.88860905e-31f, TL.SelectWhereBelow(negativeAbs, 0.0f, TL.Create(TwoToMinus64), one), one));
        TV aScaled = TL.Multiply(a, factor);
        TV gScaled = TL.Multiply(g, factor);
        TV nHi = TL.Multiply(aScaled, gScaled);
        nLo = TL.MultiplyAdd(aScaled, gScaled, TL.Subtract(TL.Create(0.0f), nHi));
        return nHi;
    }

    /// <summary>
    /// A float numerator made safe for the division: a·2^64 where 0 &lt; |a| &lt; 2^-100 (exact: scaling up), a elsewhere;
    /// <paramref name="scale"/> is 2^-64 or 1 to match (see <see cref="ScaledProduct{TV, TL}"/>'s note on tiny numerators).
    /// GLU's numerator: half the operations of <see cref="ScaledProduct{TV, TL}"/> with a factor of 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV ScaledNumerator<TV, TL>(TV a, out TV scale)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV one = TL.Create(1.0f);
        TV abs = TL.Subtract(TL.Create(0.0f), TL.NegativeAbs(a));
        scale = TL.SelectWhereBelow(abs, 7.88860905e-31f, TL.Create(TwoToMinus64), one);
        return TL.Multiply(a, TL.SelectWhereBelow(abs, 7.88860905e-31f, TL.Create(1.8446744e19f), one));
    }

    /// <summary>
    /// The result where an input is not finite, or the scaled numerator overflows (the core needs all three finite):
    /// a·h, with h = <see cref="SigmoidSign{TV, TL}"/> or <see cref="TimesSigmoidSign{TV, TL}"/> standing in for f(b),
    /// so that ±∞ stays ±∞ where f(b) ≠ 0 (as a·f(b) tends to, though f(b) itself may underflow), ∞·0 = NaN where
    /// f(b) is 0 or tends to 0 (b = −∞), and NaN for NaN; elsewhere <paramref name="finite"/>.
    /// </summary>
    /// <remarks>
    /// The scaled numerator overflows only where it is at least 2^192, so where b &gt; 2^64 (for b ≤ 200 it is at most
    /// 2^136): there σ(b) = 1, a·f(b) = a·b overflows too, and a·h = a·b is its ±∞.
    /// </remarks>
    /// <param name="a">The first half.</param>
    /// <param name="b">The second half, unclamped.</param>
    /// <param name="n">The numerator as scaled for the core.</param>
    /// <param name="h">The stand-in for f(b).</param>
    /// <param name="finite">The core's result.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV UnlessInfinite<TV, TL>(TV a, TV b, TV n, TV h, TV finite)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV zero = TL.Create(0.0f);
        TV anyInfinite = TL.Add(TL.Add(TL.Multiply(a, zero), TL.Multiply(b, zero)), TL.Multiply(n, zero));
        return TL.SelectWhereBelow(anyInfinite, 1.0f, finite, TL.Multiply(a, h));
    }

    /// <summary>σ(b)'s stand-in: 1 where b &gt; −∞, 0 at b = −∞ (σ's limit), NaN where b is NaN.</summary>
    /// <param name="b">The second half, unclamped.</param>
    /// <param name="clamped">b as clamped for the exponential: NaN exactly where b is NaN (so clamped − clamped is 0 elsewhere).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV SigmoidSign<TV, TL>(TV b, TV clamped)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV zero = TL.Create(0.0f);
        return TL.Add(TL.SelectWhereBelow(TL.Subtract(zero, b), float.PositiveInfinity, TL.Create(1.0f), zero), TL.Subtract(clamped, clamped));
    }

    /// <summary>b·σ(b)'s (and GELU(b)'s) stand-in: b itself where b &gt; −∞ (same sign, same zero, ∞ at ∞), −0 at b = −∞
    /// (SiLU's limit), NaN where b is NaN.</summary>
    /// <param name="b">The second half, unclamped.</param>
    /// <param name="clamped">b as clamped for the exponential: NaN exactly where b is NaN.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TimesSigmoidSign<TV, TL>(TV b, TV clamped)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV zero = TL.Create(0.0f);
        TV negativeZero = TL.Multiply(TL.Subtract(clamped, clamped), TL.Create(-1.0f));
        return TL.SelectWhereBelow(TL.Subtract(zero, b), float.PositiveInfinity, b, negativeZero);
    }
}
