using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// The per-element steps of the row softmax yᵢ = e^(xᵢ − m′) / Σⱼ e^(xⱼ − m′) in float lanes, within 1.55 ULP of the true
/// value (proof below): the exponential rounded to float with its rounding error, the sum in double, and a multiply by
/// the reciprocal carried as a float pair. The passes over memory are in <see cref="SoftmaxRows"/>. (The column paths
/// keep <see cref="FloatSoftmax"/>, whose quotient is rounded once.)
/// </summary>
/// <remarks>
/// <para>Softmax does not change when every x is shifted by the same amount, so the shift need not be the maximum m: it
/// is m′ = nₘ·ln 2/16, the multiple of ln 2/16 nearest m (|m − m′| ≤ 0.0217), never formed. Then x − m′ needs no float
/// pair (x − m does: TwoSum, six additions, or |x − m|·2^-24 is lost, 100 ULP of e^(x − m) at 100): x itself is reduced,
/// as in Tang's exponential (<see cref="FloatExp"/>), by n = round(x·16/ln 2), and x − m′ = (n − nₘ)·ln 2/16 +
/// (x − n·ln 2/16) splits into the table index k = n − nₘ and the same small remainder r. The row constants
/// (<see cref="Shift"/>), with the clamp C = 110:</para>
/// <list type="bullet">
/// <item>For −110 &lt; m &lt; 220, c = 0: kd = fma(x, 16/ln 2, TableMagic + 512 − nₘ) is TableMagic + 512 + k (an integer
/// plus an integer: n = round(x·16/ln 2) exactly). |x| &lt; 220 after the clamp below, so |n| ≤ 5080, and r = x − n·L1
/// (L1 = Ln2Hi/16, a multiple of 2^-25) is exact as in <see cref="FloatExp"/> item 2 (x is a multiple of 2^-29 when
/// n ≠ 0, and |r| &lt; 0.0217 &lt; 2^-5). <see cref="FloatExp.TableParts{TV, TL}"/> gets this kd and magic: its table
/// index comes from kd's low bits (k mod 16), its r and δ from kd − magic = n, as x − m′ = k·ln 2/16 + r − n·L2 needs
/// (its magic need not be ≡ 8 mod 16 for that).</item>
/// <item>Otherwise c = m and nₘ = 0 (m′ = m): x − m is exact by Sterbenz's lemma for every x ∈ [m − 110, m] (within a
/// factor 2 of m), and the reduction is <see cref="FloatExp"/>'s own.</item>
/// </list>
/// <para>With u = 2^-24 (half a float ULP, relative):</para>
/// <list type="number">
/// <item><see cref="Exponential{TV, TL}"/>: t = max(x − c, floor), floor = RN(m − c − 110), so k ≥ −2540 and
/// K = ⌊(k + 8)/16⌋ ≥ −159; the 512 in kd makes its power of two 2^(K + 32) (the terms are kept at B = 2^32, so that
/// none is subnormal where y is normal), which is +0 at K = −159: the clamped tail and −∞ give exactly 0, as they
/// should (K = −159 needs x − m &lt; −109.8, where y &lt; 2^-158). <see cref="FloatExp.TableParts{TV, TL}"/> gives
/// Thi·(1 + r + u′) within 2^-32 of e^(r + δ) (its bound, with δ = ε_j − n·L2 up to 6.5e−7 here: the dropped δ·r²/2
/// grows to 2^-32.6). With P = 2^(K + 32)·Thi (exact, normal for every y ≥ 2^-156): v = r + u′ rounded (|v| &lt; 2^-5,
/// so within 2^-30), Y = P + P·v rounded once (one FMA), stored; its error P·v + (P − Y) by one FMA (P − Y exact by
/// Sterbenz), rounded at 2^-48·Y, goes to the sum. So P·(1 + v) is e^(x − m′)·B within ε ≤ 2^-29.6 relative, and
/// every term is at most B·e^0.0217 &lt; 1.03·B: nothing overflows.</item>
/// <item>The sum: each of the 16 lanes of <see cref="SoftmaxRows"/> adds its Y in double (≤ 4096 terms at 2^-53:
/// 2^-41 relative) and its errors in float (each ≤ u·Y, so ≤ 4096·u² = 2^-36 of the lane's sum), in element order;
/// the lanes' (double + float) are added pairwise in a fixed order. The sum S′ of the P·(1 + v) comes out within
/// σ ≤ 2^-35.5 relative, and S′ ≥ 0.97·B (the maximum's own term).</item>
/// <item><see cref="Divisor"/>: R = B/S′ in double, as Rhi + Rlo (Rlo's rounding: 2^-48 of R);
/// <see cref="Scale{TV, TL}"/>: y = fma(Y, Rhi, RN(Y·Rlo))·2^-32: the inner product's rounding is 2^-48 of the result
/// and, at B times y's scale, never subnormal for a normal y (at y's own scale, Y·Rlo ≈ 2^-24·y would be, for
/// y &lt; 2^-102: up to ½ ULP lost); the last multiply is exact for a normal y.</item>
/// </list>
/// <para>Together, before the last rounding, y is (Y + ζ)·R·(1 + ρ) with the ratio (1 + ηᵢ)/((1 + η̄)(1 + σ)),
/// |ηᵢ|, |η̄| ≤ ε, |ρ| ≤ 2^-47, and ζ = Y's rounding, ≤ ½ ULP(Y). The first part is ≤ 2^-28.58 relative, 2^-4.58 = 0.042
/// ULP of y (y &lt; 2^24 ULP(y)). The second: ½ ULP(Y)·R = u·Y·R/m_Y with m_Y ∈ [1, 2) Y's significand; Y·R ≈ y has
/// significand m_Y·m_R or half that (m_R ∈ [1, 2), R's), so it is m_R/2 or m_R/4 ULP of y: below 1. Hence
/// ≤ 1 + 0.042 + ½ &lt; 1.55 ULP for every normal y. (The quotient of the exact pairs rounded once,
/// <see cref="FloatSoftmax"/>, is within 0.69 ULP, but it stores the residuals and takes a Markstein correction per
/// element; a rounded reciprocal, R in one float, would add up to 1 ULP more.) Measured: see the width tests (rows of 3
/// to 65 536 over ±1, ±10 and ±100): 1.49.</para>
/// <para>Edges: a NaN in x makes Y NaN and so the sum NaN, which <see cref="SoftmaxRows"/> turns into a NaN row; m not
/// finite (+∞, all −∞, NaN) never reaches here. Below the normal range y is within 2^-149 absolute.</para>
/// </remarks>
internal static class FloatSoftmaxRow
{
    private const float Clamp = 110.0f;

    /// <summary>16/ln 2 in double.</summary>
    private const double SixteenOverLn2 = 23.083120654223414;

    /// <summary>2^32: the scale of the stored terms and of their sums (B in the remarks).</summary>
    private const double Boost = 4294967296.0;

    /// <summary>
    /// The row constants for the maximum <paramref name="max"/> (finite): c, subtracted from each x; the FMA addend
    /// TableMagic + 16·32 − nₘ (the 16·32 raises 2^K to 2^(K + 32)); the floor of x − c (see the remarks).
    /// </summary>
    public static (float Shift, float Magic, float Floor) Shift(float max)
    {
        const float Magic = FloatExp.TableMagic + (32 * FloatExp.MagicPerOctave);
        if (max >= 2 * Clamp || max <= -Clamp)
        {
            return (max, Magic, -Clamp);
        }

        double nm = Math.Round(max * SixteenOverLn2);
        return (0.0f, Magic - (float)nm, max - Clamp);
    }

    /// <summary>
    /// Y = 2^32·e^(x − m′) rounded to float (m′ given by the constants of <see cref="Shift"/>, <paramref name="floor"/>
    /// in every lane), and its rounding error <paramref name="error"/> (to 2^-48 of Y).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Exponential<TV, TL>(TV x, TV shift, TV magic, TV floor, out TV error)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV t = TL.Larger(floor, TL.Subtract(x, shift));
        TV kd = TL.MultiplyAdd(t, TL.Create(FloatExp.SixteenOverLn2), magic);
        TV r = FloatExp.TableParts<TV, TL>(t, kd, magic, out TV power, out TV u);
        power = TL.Multiply(power, FloatExp.Pow2<TV, TL>(kd));
        TV v = TL.Add(r, u);
        TV rounded = TL.MultiplyAdd(power, v, power);

        // P − Y is exact (Sterbenz: Y/P ∈ [0.97, 1.03]), so this is P·v + P − Y rounded once: Y's error.
        error = TL.MultiplyAdd(power, v, TL.Subtract(power, rounded));
        return rounded;
    }

    /// <summary>y = (Y·Rhi + Y·Rlo)·2^-32, Y·Rlo rounded first (see <see cref="Divisor"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Scale<TV, TL>(TV e, TV reciprocalHi, TV reciprocalLo)
        where TV : struct
        where TL : IFloatLanes<TV> =>
        TL.Multiply(TL.MultiplyAdd(e, reciprocalHi, TL.Multiply(e, reciprocalLo)), TL.Create((float)(1 / Boost)));

    /// <summary>
    /// ln Σⱼ e^(xⱼ − m) in double from <paramref name="sum"/>, the row's sum of terms 2^32·e^(xⱼ − m′) (see
    /// <see cref="Shift"/>), and the row's maximum m: ln(sum) − 32·ln 2 + (m′ − m). Its error is the sum's relative
    /// error (≤ 2^-29.5, item 2 of the remarks) as an absolute error, plus ≈ 2^-45 of rounding.
    /// </summary>
    public static double LogOfSum(double sum, float max)
    {
        const double Ln2 = 0.69314718055994531;
        double shiftMinusMax = max >= 2 * Clamp || max <= -Clamp ? 0 : (Math.Round(max * SixteenOverLn2) * (Ln2 / 16)) - max;
        return Math.Log(sum) - (32 * Ln2) + shiftMinusMax;
    }

    /// <summary>2^32/<paramref name="sum"/> (the sum of the terms at 2^32) as the float pair Rhi + Rlo.</summary>
    public static (float Hi, float Lo) Divisor(double sum)
    {
        double reciprocal = Boost / sum;
        float hi = (float)reciprocal;
        return (hi, (float)(reciprocal - hi));
    }

    /// <summary>
    /// <paramref name="low"/> + the first half of v's lanes in double, <paramref name="high"/> + the second half (the
    /// accumulators hold doubles, bit-cast to TV: a vector of TV's size holds half as many doubles).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddWidened<TV>(TV v, ref TV low, ref TV high)
        where TV : struct
    {
        if (typeof(TV) == typeof(Vector512<float>))
        {
            Vector512<float> f = Unsafe.BitCast<TV, Vector512<float>>(v);
            low = Unsafe.BitCast<Vector512<double>, TV>(Unsafe.BitCast<TV, Vector512<double>>(low) + Vector512.WidenLower(f));
            high = Unsafe.BitCast<Vector512<double>, TV>(Unsafe.BitCast<TV, Vector512<double>>(high) + Vector512.WidenUpper(f));
        }
        else if (typeof(TV) == typeof(Vector256<float>))
        {
            Vector256<float> f = Unsafe.BitCast<TV, Vector256<float>>(v);
            low = Unsafe.BitCast<Vector256<double>, TV>(Unsafe.BitCast<TV, Vector256<double>>(low) + Vector256.WidenLower(f));
            high = Unsafe.BitCast<Vector256<double>, TV>(Unsafe.BitCast<TV, Vector256<double>>(high) + Vector256.WidenUpper(f));
        }
        else if (typeof(TV) == typeof(Vector128<float>))
        {
            Vector128<float> f = Unsafe.BitCast<TV, Vector128<float>>(v);
            low = Unsafe.BitCast<Vector128<double>, TV>(Unsafe.BitCast<TV, Vector128<double>>(low) + Vector128.WidenLower(f));
            high = Unsafe.BitCast<Vector128<double>, TV>(Unsafe.BitCast<TV, Vector128<double>>(high) + Vector128.WidenUpper(f));
        }
        else
        {
            throw new NotSupportedException($"{typeof(TV)} is not a vector of 4, 8 or 16 floats.");
        }
    }
}
