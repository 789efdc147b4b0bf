using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// The upper tail of the standard normal distribution, Q(a) = P(N(0,1) &gt; a) = ½·erfc(a/√2), for a ≥ 0,
/// in double lanes with relative error below 5e−10 all the way into the far tail. Exact GELU needs it:
/// Φ(x) = Q(|x|) for x &lt; 0 and 1 − Q(|x|) for x ≥ 0, with no 1 + erf cancellation anywhere.
/// </summary>
/// <remarks>
/// The form is that of Numerical Recipes' erfc (Press et al., 3rd ed., §6.2.2, after Schonfelder 1978):
/// with z = a/√2 and t = 2/(2 + z) ∈ (0, 1],
///   erfc(z) = t · exp(−z² + P(t)),
/// where P(t) = ln(t⁻¹·e^(z²)·erfc(z)) is analytic and slowly varying on [0, 1]. Here P is our own
/// degree-12 least-squares Chebyshev fit on t ∈ [0.15, 1] (z ≤ 11.3, beyond the point a = 15 where Q·a
/// underflows float32), computed with mpmath at 40 digits and expanded in v = (t − 0.575)/0.425 ∈ [−1, 1];
/// measured max |error| of the double Horner evaluation 1.6e−10 (absolute in P, i.e. relative in erfc).
/// NOTE: the exponent −z² = −a²/2 is formed as one FMA from a (a float widened to double, so a² is exact):
/// rounding z = a/√2 first and squaring would put an error of 2^-53·z² into the exponent, and the
/// readable trap of doing it in float (|z|²·2^-24 ≈ 100 ULP at a = 14) is why this is done in double.
/// For t below 0.15 (a &gt; 15) v is clamped to −1: P stays bounded there while −a²/2 drives the result to 0.
/// Total: 1.6e−10 (P) + 2.8e−10 (exp) + a few 2^-52 ≲ 5e−10 relative.
/// </remarks>
internal static class NormalTail
{
    private const double OneOverSqrt2 = 0.70710678118654752;
    private const double Center = 0.575;
    private const double InverseHalfWidth = 1.0 / 0.425;

    // P(t) in powers of v = (t − 0.575)/0.425, lowest first.
    private const double P0 = -0.5699949607754659;
    private const double P1 = 0.5810348689366075;
    private const double P2 = 0.018217794190142692;
    private const double P3 = -0.03117083388402725;
    private const double P4 = -0.0015330989821009475;
    private const double P5 = 0.004132179170284209;
    private const double P6 = -0.0002326468498372831;
    private const double P7 = -0.0006544337792088047;
    private const double P8 = 0.00015702186580229122;
    private const double P9 = 8.993437912078455e-05;
    private const double P10 = -4.4874709579653456e-05;
    private const double P11 = -7.338768001526348e-06;
    private const double P12 = 6.389364095685211e-06;

    /// <summary>Q(a) = ½·erfc(a/√2) for a ≥ 0 (0 at +∞, NaN for NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Upper<TV, TL>(TV a)
        where TV : struct
        where TL : IDoubleLanes<TV>
    {
        TV t = TL.Divide(TL.Create(2.0), TL.MultiplyAdd(a, TL.Create(OneOverSqrt2), TL.Create(2.0)));
        TV v = TL.AtLeast(TL.MultiplyAdd(t, TL.Create(InverseHalfWidth), TL.Create(-Center * InverseHalfWidth)), -1.0);

        TV p = TL.MultiplyAdd(v, TL.Create(P12), TL.Create(P11));
        p = TL.MultiplyAdd(p, v, TL.Create(P10));
        p = TL.MultiplyAdd(p, v, TL.Create(P9));
        p = TL.MultiplyAdd(p, v, TL.Create(P8));
        p = TL.MultiplyAdd(p, v, TL.Create(P7));
        p = TL.MultiplyAdd(p, v, TL.Create(P6));
        p = TL.MultiplyAdd(p, v, TL.Create(P5));
        p = TL.MultiplyAdd(p, v, TL.Create(P4));
        p = TL.MultiplyAdd(p, v, TL.Create(P3));
        p = TL.MultiplyAdd(p, v, TL.Create(P2));
        p = TL.MultiplyAdd(p, v, TL.Create(P1));
        p = TL.MultiplyAdd(p, v, TL.Create(P0));

        TV exponent = TL.MultiplyAdd(TL.Multiply(a, TL.Create(-0.5)), a, p);
        return TL.Multiply(TL.Multiply(t, TL.Create(0.5)), VectorExp.Exp<TV, TL>(exponent));
    }
}
