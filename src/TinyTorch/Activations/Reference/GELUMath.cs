namespace TinyTorch.Activations.Reference;

/// <summary>
/// GELU, the Gaussian error linear unit: x·Φ(x), the input scaled by the probability that a standard
/// normal variable is below it. Three forms, each with the exact derivative of that same form.
/// </summary>
/// <remarks>
/// A mismatched pair (one form's forward with another's backward, as TinyTorch's own autograd has) trains,
/// but its gradients are wrong by up to 2%, and gradient checks catch it. Here each derivative is
/// differentiated from its own forward.
/// </remarks>
public static class GELUMath
{
    /// <summary>The sigmoid form's constant: σ(1.702x) is a least-squares fit to Φ(x) (Hendrycks &amp; Gimpel 2016).
    /// It is empirical — it does not come from √(2/π) ≈ 0.798 or from √(8/π) ≈ 1.596.</summary>
    public const double SigmoidScale = 1.702;

    /// <summary>√(2/π), the slope of the tanh form's inner polynomial at 0.</summary>
    public const double SqrtTwoOverPi = 0.79788456080286536;

    /// <summary>The cubic coefficient of the tanh form.</summary>
    public const double TanhCubic = 0.044715;

    private const double OneOverSqrtTwo = 0.70710678118654752;
    private const double OneOverSqrtTwoPi = 0.39894228040143268;

    /// <summary>Sigmoid form: x·σ(1.702x), TinyTorch's GELU and this library's default.</summary>
    /// <param name="x">The input.</param>
    /// <returns>GELU(x); 0 at −∞, +∞ at +∞.</returns>
    public static double SigmoidForm(double x)
    {
        // BEGIN SOLUTION
        // NOTE: at x = −∞ the product is −∞ · 0 = NaN, yet the limit is 0 (the gate closes faster than x
        // grows). Return the limit instead of propagating a NaN that no real input would produce.
        if (double.IsNegativeInfinity(x))
        {
            return -0.0;
        }

        return x * SigmoidMath.Forward(SigmoidScale * x);
        // END SOLUTION
    }

    /// <summary>d/dx of x·σ(1.702x) = σ(1.702x) + 1.702·x·σ(1.702x)·σ(−1.702x).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The slope; 0 at −∞, 1 at +∞.</returns>
    public static double SigmoidFormDerivative(double x)
    {
        // BEGIN SOLUTION
        if (double.IsInfinity(x))
        {
            return x > 0 ? 1.0 : 0.0;
        }

        double s = SigmoidMath.Forward(SigmoidScale * x);
        double sNeg = SigmoidMath.Forward(-SigmoidScale * x);  // 1 − s without cancellation
        return s + (SigmoidScale * x * s * sNeg);
        // END SOLUTION
    }

    /// <summary>Tanh form: ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), PyTorch's <c>approximate='tanh'</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>GELU(x); 0 at −∞, +∞ at +∞.</returns>
    public static double TanhForm(double x)
    {
        // BEGIN SOLUTION
        // NOTE: for x ≪ 0, tanh(u) → −1 and 1 + tanh(u) subtracts two nearly equal numbers: at x = −5 it
        // keeps about 3 of double's 16 digits, and in float32 it returns exactly 0 long before the truth
        // underflows. The identity ½(1 + tanh(u)) = σ(2u) turns the form into x·σ(2u), which never subtracts.
        if (double.IsNegativeInfinity(x))
        {
            return -0.0;
        }

        return x * SigmoidMath.Forward(2.0 * TanhInner(x));
        // END SOLUTION
    }

    /// <summary>d/dx of x·σ(2u), u = √(2/π)(x + 0.044715x³): σ(2u) + x·σ(2u)·σ(−2u)·2u′.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The slope; 0 at −∞, 1 at +∞.</returns>
    public static double TanhFormDerivative(double x)
    {
        // BEGIN SOLUTION
        if (double.IsInfinity(x))
        {
            return x > 0 ? 1.0 : 0.0;
        }

        double u = TanhInner(x);
        double du = SqrtTwoOverPi * (1.0 + (3.0 * TanhCubic * x * x));
        double s = SigmoidMath.Forward(2.0 * u);
        double sNeg = SigmoidMath.Forward(-2.0 * u);
        // NOTE: for |x| beyond ~1e100 the product x·du overflows while s·sNeg is 0; the term is 0 there.
        double slopeTerm = s * sNeg == 0.0 ? 0.0 : x * s * sNeg * 2.0 * du;
        return s + slopeTerm;
        // END SOLUTION
    }

    /// <summary>Exact form: x·Φ(x) = ½·x·erfc(−x/√2), PyTorch's default <c>approximate='none'</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>GELU(x); 0 at −∞, +∞ at +∞.</returns>
    public static double ExactForm(double x)
    {
        // BEGIN SOLUTION
        // NOTE: why erfc and not 1 + erf: for x = −6, erf(x/√2) = −0.999999998…, and 1 + erf keeps only the
        // rounding error of erf — float32 returns 0 where the truth is −6e−9. erfc(−x/√2) computes the small
        // tail probability directly, with full relative precision all the way to underflow.
        if (double.IsNegativeInfinity(x))
        {
            return -0.0;
        }

        return 0.5 * x * ErrorFunction.Erfc(-x * OneOverSqrtTwo);
        // END SOLUTION
    }

    /// <summary>d/dx of x·Φ(x) = Φ(x) + x·φ(x), with φ the standard normal density.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The slope; 0 at −∞, 1 at +∞.</returns>
    public static double ExactFormDerivative(double x)
    {
        // BEGIN SOLUTION
        if (double.IsInfinity(x))
        {
            return x > 0 ? 1.0 : 0.0;
        }

        double cdf = 0.5 * ErrorFunction.Erfc(-x * OneOverSqrtTwo);
        double pdf = OneOverSqrtTwoPi * Math.Exp(-0.5 * x * x);
        return cdf + (x * pdf);
        // END SOLUTION
    }

    /// <summary>The tanh form's inner argument u = √(2/π)·(x + 0.044715·x³).</summary>
    /// <param name="x">The input.</param>
    /// <returns>u.</returns>
    public static double TanhInner(double x) => SqrtTwoOverPi * (x + (TanhCubic * x * x * x));
}
