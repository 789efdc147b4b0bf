using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// e^t − 1 for t ≤ 0 in float lanes, returned unrounded as hi + lo, within 2^-26 relative (2^-28 for |t| &lt; 0.0216,
/// where e^t − 1 cancels), so that a caller that scales it (ELU's alpha) still rounds once.
/// </summary>
/// <remarks>
/// <see cref="FloatExp"/>'s table-driven reduction (Tang, ACM TOMS 15(2), 1989), items 1–4 there, with the subtraction
/// of 1 done on the parts so that nothing cancels (the expm1 of FreeBSD msun and of Tang's own expm1 paper, ACM TOMS
/// 18(2), 1992, subtract 1 from the table value before adding the polynomial, for the same reason):
/// <list type="number">
/// <item>kd = fma(t, 16/ln 2, <see cref="FloatExp.TableMagic"/>) holds k = 16K + j; r = t − k·L1 exact;
/// δ = ε_j − k·L2 + tLo; s = r + δ rounded; u = δ + s²·q(s) ≈ e^(r + δ) − 1 − r within 2^-33.5 absolute, and within
/// 2^-24·|u| + 2^-21·|s|³ for small s (q's constant term is exactly ½, its linear coefficient 2e−6 off 1/6).</item>
/// <item>A = 2^K·T_j (exact, <see cref="IFloatLanes{TV}.ScaleByPow2Over16"/>), so e^t ≈ A + A·r + A·u.
/// m = A − 1 rounded and its error e_m = A − (m + 1): both steps exact (Dekker's Fast2Sum: |−1| ≥ A, since t ≤ 0
/// makes k ≤ 0, so K ≤ 0, and T_j ≤ 1 when K = 0). For K = 0 m is exact anyway (Sterbenz) and
/// e_m = 0.</item>
/// <item>hi = fma(A, r, m), and its rounding error e1 = fma(A, r, m − hi) with m − hi exact by Sterbenz: for k ≠ 0,
/// |m| ≥ 1 − T_{−1} = 0.0424 while |A·r| ≤ 0.0217·A, so hi/m ∈ [0.51, 1.49]; for k = 0, m = 0 and hi = r.
/// lo = fma(A, u, e1 + e_m), one rounding of a value ≤ 2^-11.5·|hi|.</item>
/// </list>
/// Error. For k = 0 (|t| ≲ 0.0216): A = 1, m = e_m = e1 = 0, hi = r = t exactly and lo = u (δ = tLo): hi + lo is
/// t + tLo + s²q(s): u's roundings (2^-24·|u|, |u| ≤ 0.011·|t| + |tLo|), q's error and s's rounding
/// (≤ 2^-35.5 and 2^-35 absolute at |s| = 0.0216, shrinking as |s|³) stay within 2^-28 of |e^t − 1| (2^-30 and better
/// for |t| ≤ 2^-7).
/// For k ≠ 0: |e^t − 1| ≥ 0.0213, and hi + lo carries the absolute error of FloatExp's pair (≤ 2^-32·A, in
/// practice 2^-33.5: the polynomial, s's rounding, u's) plus lo's rounding (2^-24·2^-11.5): within 2^-26.4 relative.
/// Range: t is clamped at −32 (from t &lt; −17.4 on e^t − 1 rounds to −1 in float, and K = −46 keeps A normal); NaN
/// stays NaN (r is NaN). −0 gives hi = +0 (as PyTorch's ELU(−0)). t &gt; 0 is not supported: callers clamp at 0.
/// Every width runs the same float operations (FMA everywhere), so all agree bit for bit.
/// </remarks>
internal static class FloatExpM1
{
    private const float Floor = -32.0f;

    // q(s) ≈ (e^s − 1 − s)/s², FloatExp's coefficients (Chebyshev interpolation on [−0.0218, 0.0218]).
    private const float C1 = 0.166668653f;             // 0x3E2AAB30
    private const float C2 = 0.0416669957f;            // 0x3D2AAB03

    /// <summary>
    /// e^(t + tLo) − 1 = result + <paramref name="lo"/> for t ≤ 0 (see the remarks); tLo is the low half of an argument
    /// carried as a pair (|tLo| ≤ 2^-23·|t|), ignored when <paramref name="hasLow"/> is false (the JIT folds the constant).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV ExpM1<TV, TL>(TV t, TV tLo, bool hasLow, out TV lo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV one = TL.Create(1.0f);
        TV magic = TL.Create(FloatExp.TableMagic);
        TV tc = TL.AtLeast(t, Floor);
        TV kd = TL.MultiplyAdd(tc, TL.Create(FloatExp.SixteenOverLn2), magic);
        TV k = TL.Subtract(kd, magic);
        TV r = TL.MultiplyAdd(k, TL.Create(-FloatExp.Ln2Over16Hi), tc);
        TV rest = TL.Lookup16(kd, FloatExp.PowerRest);
        TV delta = TL.MultiplyAdd(k, TL.Create(-FloatExp.Ln2Over16Lo), hasLow ? TL.Add(rest, tLo) : rest);
        TV s = TL.Add(r, delta);
        TV q = TL.MultiplyAdd(TL.MultiplyAdd(TL.Create(C2), s, TL.Create(C1)), s, TL.Create(0.5f));
        TV u = TL.MultiplyAdd(TL.Multiply(s, s), q, delta);

        TV a = TL.ScaleByPow2Over16(TL.Lookup16(kd, FloatExp.PowerHi), kd);
        TV m = TL.Subtract(a, one);
        TV em = TL.Subtract(a, TL.Add(m, one));
        TV hi = TL.MultiplyAdd(a, r, m);
        TV e1 = TL.MultiplyAdd(a, r, TL.Subtract(m, hi));
        lo = TL.MultiplyAdd(a, u, TL.Add(e1, em));
        return hi;
    }
}
