namespace TinyTorch.Activations.Reference;

/// <summary>
/// The hyperbolic tangent tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)), an S-curve through the origin onto
/// (−1, 1), and its derivative 1 − tanh²(x).
/// </summary>
public static class TanhMath
{
    /// <summary>tanh(x), exact near 0 and saturating cleanly to ±1.</summary>
    /// <param name="x">The input.</param>
    /// <returns>A value in [−1, 1].</returns>
    public static double Forward(double x)
    {
        // BEGIN SOLUTION
        // NOTE: the definition fails twice in floating point. For |x| > ~710, e^x overflows and ∞/∞ is NaN.
        // Near 0, e^x − e^(−x) subtracts two numbers close to 1 and leaves only rounding noise, while
        // tanh(x) ≈ x − x³/3 is perfectly representable. The same rewrite as in sigmoid fixes both:
        //   tanh(x) = sign(x) · (1 − e^(−2|x|)) / (1 + e^(−2|x|)) = sign(x) · −expm1(−2|x|) / (2 + expm1(−2|x|))
        // with expm1(t) = e^t − 1 computed without the subtraction. .NET's Math.Tanh does exactly this kind
        // of careful evaluation, so the readable version can call it; the fast kernels must redo the work.
        return Math.Tanh(x);
        // END SOLUTION
    }

    /// <summary>d tanh/dx = 1 − tanh²(x) = sech²(x), at most 1 (at x = 0).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The slope of tanh at x.</returns>
    public static double Derivative(double x)
    {
        // BEGIN SOLUTION
        // NOTE: 1 − tanh²(x) cancels for large |x| (tanh² rounds to 1); 1 / cosh²(x) keeps every digit,
        // and cosh overflowing to ∞ gives the right limit 0.
        double c = Math.Cosh(x);
        return 1.0 / (c * c);
        // END SOLUTION
    }
}
