using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// The per-element steps of the row softmax yᵢ = e^(xᵢ − m′) / Σⱼ e^(xⱼ − m′) in float lanes, within 1.52 ULP of the true
/// value (proof below): the exponential rounded to float with its rounding error, the sum in double, and a multiply by
/// the reciprocal carried as a float pair. The passes over memory are in <see cref="SoftmaxRows"/>. (The column paths
/// keep <see cref="FloatSoftmax"/>, whose quotient is rounded once.)
/// </summary>
/// <remarks>
/// <para>Softmax does not change when every x is shifted by the same amount, so the shift need not be the maximum m: it
/// is m′ = nₘ·ln 2/16, the multiple of ln 2/16 nearest m (|m − m′| ≤ 0.0217), never formed. With it x − m′ needs no
/// float pair (the general method forms x − m exactly by TwoSum, six additions): x itself is reduced, as in Tang's
/// exponential (<see cref="FloatExp"/>), by n = round(x·16/ln 2), and x − m′ = (n − nₘ)·ln 2/16 + (x − n·ln 2/16) splits
/// into the table index k = n − nₘ and the same small remainder r. Row constants (<see cref="Shift"/>):</para>
/// <list type="bullet">
/// <item>For −88 &lt; m &lt; 176: c = 0, and kd = fma(x, 16/ln 2, TableMagic − nₘ) is TableMagic + k (an integer plus an
/// integer: n = round(x·16/ln 2) exactly). |x| &lt; 176 after the clamp below, so |n| ≤ 4064; r = x − n·L1 (L1 = Ln2Hi/16, a
/// multiple of 2^-25) is exact, as in <see cref="FloatExp"/> item 2: x is a multiple of 2^-29 when n ≠ 0 and
/// |r| &lt; 0.0217 &lt; 2^-5.</item>
/// <item>Otherwise c = m and nₘ = 0 (m′ = m): x − m is exact by Sterbenz's lemma for every x ∈ [m − 88, m] (within a
/// factor 2 of m when m ≥ 176 or m ≤ −88), and the reduction is <see cref="FloatExp"/>'s own.</item>
/// </list>
/// <para>With u = 2^-24 (half a float ULP, relative):</para>
/// <list type="number">
/// <item><see cref="Exponential{TV, TL}"/>: t = max(x − c, floor), floor = RN(m − c − 88), so that k ≥ −2032 and
/// 2^K = 2^⌊(k + 8)/16⌋ ≥ 2^-127, which is +0: the clamped tail and −∞ give exactly 0 (K = −127 needs x − m &lt; −87.68,
/// where y &lt; 2^-126). <see cref="FloatExp.TableParts{TV, TL}"/> gives 2^K·Thi·(1 + r + u′) within 2^-32.2 of
/// e^(x − m′) (its bound, with δ = ε_j − n·L2 up to 5.3e−7 here, so the dropped δ·r²/2 is 2^-32.9). With
/// P = 2^K·Thi (exact, or +0 at K = −127): hi = P + P·r rounded and its error e1 (exact), lo = P·u′ + e1 rounded
/// (≤ 2^-35.5 of hi): the pair hi + lo is within ε ≤ 2^-31.9 of the exponential. Y = RN(hi + lo) is stored, and its
/// rounding error res = lo − (Y − hi), exact
/// (Fast2Sum: hi ≥ |lo|), goes to the sum. Every term is at most e^0.0217 &lt; 1.022, so nothing overflows.</item>
/// <item>The sum: each of the 16 lanes of <see cref="SoftmaxRows"/> adds its Y in double (≤ 4096 terms at 2^-53:
/// 2^-41 relative) and its res in float (|res| ≤ u·Y, so ≤ 4096·u² = 2^-36 of the lane's sum), in element order;
/// the lanes' (double + float) are added pairwise in a fixed order. The sum S′ of the pairs hi + lo is within
/// σ ≤ 2^-35.5 relative, and S′ ≥ 0.97 (the maximum's own term).</item>
/// <item><see cref="Divisor"/>: R = 1/S′ in double, as Rhi + Rlo (Rlo's rounding: 2^-48 of R);
/// <see cref="Scale{TV, TL}"/>: y = fma(Y, Rhi, RN(Y·Rlo)), the product's rounding 2^-48 of y.</item>
/// </list>
/// <para>Together, before the last rounding, y is (Y + ζ)·R·(1 + ρ) with the pair's ratio (1 + ηᵢ)/((1 + η̄)(1 + σ)),
/// |ηᵢ|, |η̄| ≤ ε, |ρ| ≤ 2^-47, and ζ = Y's rounding, ≤ ½ ULP(Y). The first part is ≤ 2^-30.8 relative, 2^-6.8 ULP of y
/// (y &lt; 2^24 ULP(y)). The second: ½ ULP(Y)·R = u·Y·R/m_Y with m_Y ∈ [1, 2) Y's significand; Y·R ≈ y has significand
/// m_Y·m_R or half that (m_R ∈ [1, 2), R's), so it is m_R/2 or m_R/4 ULP of y: below 1. Hence ≤ 1 + 2^-6.8 + ½ ≤ 1.51
/// ULP, and 1.52 with the slack of measuring against ULP(y) rather than the ULP of the computed value. (The quotient
/// of the pairs rounded once, <see cref="FloatSoftmax"/>, is within 0.69 ULP, but it stores the residuals and takes
/// a Markstein correction per element.) Measured: see the width tests (rows of 3 to 65 536 over ±1, ±10 and ±100).</para>
/// <para>Edges: a NaN in x makes Y NaN and so the sum NaN, which <see cref="SoftmaxRows"/> turns into a NaN row; m not
/// finite (+∞, all −∞, NaN) never reaches here. Where Y is subnormal (x − m &lt; −87.3) P, hi and e1 may be too (e1 then
/// inexact): Y is within 2^-148 absolute, and so is y.</para>
/// </remarks>
internal static class FloatSoftmaxRow
{
    private const float Clamp = 110.0f;

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

        double nm = Math.Round(max * (16.0 / Math.Log(2.0)));
        return (0.0f, Magic - (float)nm, max - Clamp);
    }

    /// <summary>
    /// Y = 2^32·e^(x − m′) rounded to float (m′ given by the constants of <see cref="Shift"/>, <paramref name="floor"/>
    /// in every lane), and its rounding error <paramref name="error"/> (exact where Y is normal).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Exponential<TV, TL>(TV x, TV shift, TV magic, TV floor, out TV error)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV t = TL.Larger(floor, TL.Subtract(x, shift));
        TV kd = TL.MultiplyAdd(t, TL.Create(FloatExp.SixteenOverLn2), magic);
        TV r = FloatExp.TableParts<TV, TL>(t, false, default, false, kd, magic, out TV power, out TV u);
        power = TL.Multiply(power, FloatExp.Pow2<TV, TL>(kd));
        TV hi = TL.MultiplyAdd(power, r, power);
        TV e1 = TL.MultiplyAdd(power, r, TL.Subtract(power, hi));
        TV lo = TL.MultiplyAdd(power, u, e1);
        TV rounded = TL.Add(hi, lo);
        error = TL.Subtract(lo, TL.Subtract(rounded, hi));
        return rounded;
    }

    /// <summary>y = (Y·Rhi + Y·Rlo)·2^-32, Y·Rlo rounded first (see <see cref="Divisor"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Scale<TV, TL>(TV e, TV reciprocalHi, TV reciprocalLo)
        where TV : struct
        where TL : IFloatLanes<TV> =>
        TL.Multiply(TL.MultiplyAdd(e, reciprocalHi, TL.Multiply(e, reciprocalLo)), TL.Create((float)(1 / Boost)));

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
