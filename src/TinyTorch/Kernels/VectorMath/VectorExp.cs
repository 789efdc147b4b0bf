using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// e^t in double lanes, accurate to a relative 6e−10 — far more than a float32 result
/// needs (a float ULP is 6e−8 relative), so one final rounding to float lands within 0.51 ULP.
/// </summary>
/// <remarks>
/// The classical scheme (Cody &amp; Waite, "Software Manual for the Elementary Functions", 1980; the same
/// shape as Tang's 1989 exp without the table):
/// <list type="number">
/// <item>k = round(t/ln 2), obtained by adding the magic 1.5·2^52 inside an FMA, which rounds to the
/// nearest integer in the current (nearest-even) mode and leaves k in the low mantissa bits.</item>
/// <item>r = t − k·ln 2 with ln 2 split in two parts (Cody–Waite), so r ∈ [−ln2/2, ln2/2] carries an
/// absolute error below 2^-53·|r| + 2^-100·|k|: negligible.</item>
/// <item>e^r − 1 = r + r²·(1/2! + r/3! + … + r⁶/8!), the Taylor series cut after r⁸. Its truncation error is
/// below |r|⁹/9! ≤ 0.347⁹/362880 = 2.0e−10 absolute, i.e. ≤ 5.8e−10 relative to e^r − 1 (≈ |r|) and 2.8e−10
/// relative to e^r (≥ 0.707). Evaluation in double adds about 2^-52.</item>
/// <item>e^t = 2^k·(1 + p), one FMA.</item>
/// </list>
/// NOTE: t is clamped below at −200 so that 2^k stays a normal double (k ≥ −289); e^−200 ≈ 1.4e−87 is 0
/// once rounded to float, even multiplied by float.MaxValue, so callers that need an exact 0 get it after
/// narrowing. No caller passes t above ~1 (every exponent here is ≤ 0 up to a small offset), so there is no
/// upper clamp; NaN propagates through the clamp (<see cref="IDoubleLanes{TV}.AtLeast"/>).
/// </remarks>
internal static class VectorExp
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 0.69314718055994529;      // the double nearest ln 2
    private const double Ln2Lo = 2.3190468138462996e-17;   // ln 2 − Ln2Hi
    private const double RoundingMagic = 6755399441055744.0; // 1.5·2^52
    private const double MinArgument = -200.0;

    // 1/n! for n = 2..8 (Taylor coefficients of e^r − 1 after the linear term).
    private const double C2 = 0.5;
    private const double C3 = 0.16666666666666666;
    private const double C4 = 0.041666666666666664;
    private const double C5 = 0.0083333333333333332;
    private const double C6 = 0.0013888888888888889;
    private const double C7 = 0.00019841269841269841;
    private const double C8 = 2.4801587301587302e-05;

    /// <summary>e^t.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Exp<TV, TL>(TV t)
        where TV : struct
        where TL : IDoubleLanes<TV>
    {
        TV p = Reduce<TV, TL>(t, out TV scale);
        return TL.MultiplyAdd(scale, p, scale);
    }

    /// <summary>Splits t = k·ln 2 + r; returns p ≈ e^r − 1 and sets <paramref name="scale"/> = 2^k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Reduce<TV, TL>(TV t, out TV scale)
        where TV : struct
        where TL : IDoubleLanes<TV>
    {
        t = TL.AtLeast(t, MinArgument);
        TV kd = TL.MultiplyAdd(t, TL.Create(Log2E), TL.Create(RoundingMagic));
        TV k = TL.Subtract(kd, TL.Create(RoundingMagic));
        TV r = TL.MultiplyAdd(k, TL.Create(-Ln2Hi), t);
        r = TL.MultiplyAdd(k, TL.Create(-Ln2Lo), r);

        TV q = TL.MultiplyAdd(r, TL.Create(C8), TL.Create(C7));
        q = TL.MultiplyAdd(q, r, TL.Create(C6));
        q = TL.MultiplyAdd(q, r, TL.Create(C5));
        q = TL.MultiplyAdd(q, r, TL.Create(C4));
        q = TL.MultiplyAdd(q, r, TL.Create(C3));
        q = TL.MultiplyAdd(q, r, TL.Create(C2));

        scale = TL.Pow2FromMagic(kd);
        return TL.MultiplyAdd(q, TL.Multiply(r, r), r);
    }
}
