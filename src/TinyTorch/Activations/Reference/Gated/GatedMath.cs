namespace TinyTorch.Activations.Reference;

/// <summary>
/// What the four gated units share, in double: y = a·f(b) on the halves a and b, and its two partial derivatives.
/// Each unit's file (<see cref="GLUMath"/>, …) says only what f is.
/// </summary>
public static class GatedMath
{
    /// <summary>a·f(b), with the limit where a is infinite and f(b) is a nonzero number too small for double.</summary>
    /// <param name="a">The first half's value.</param>
    /// <param name="b">The second half's value.</param>
    /// <param name="f">The gate's function.</param>
    /// <param name="sign">The sign of f(b) in exact arithmetic: −1, 0 (where f(b) is exactly 0, or tends to 0 as at
    /// b = −∞) or +1.</param>
    /// <returns>The gated value.</returns>
    public static double Forward(double a, double b, Func<double, double> f, Func<double, int> sign)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(sign);

        // NOTE: σ(−800) underflows double to 0, yet ∞·σ(−800) is ∞, not ∞·0 = NaN: for an infinite a only the sign of
        // f(b) matters, and whether f(b) is truly 0 (at b = −∞ every gate tends to 0, so ∞·0 is undefined: NaN).
        if (double.IsInfinity(a) && !double.IsNaN(b))
        {
            int s = sign(b);
            return s == 0 ? double.NaN : a * s;
        }

        return a * f(b);
    }

    /// <summary>The sign of σ(b): +1, except 0 in the limit b = −∞.</summary>
    /// <param name="b">The gate's input.</param>
    /// <returns>+1 or 0.</returns>
    public static int SigmoidSign(double b) => double.IsNegativeInfinity(b) ? 0 : 1;

    /// <summary>The sign of b·σ(b) or of GELU(b): b's own, 0 at b = 0 and in the limit b = −∞.</summary>
    /// <param name="b">The gate's input.</param>
    /// <returns>−1, 0 or +1.</returns>
    public static int TimesSigmoidSign(double b) => double.IsNegativeInfinity(b) ? 0 : Math.Sign(b);
}
