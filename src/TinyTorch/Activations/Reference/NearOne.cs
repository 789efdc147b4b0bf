namespace TinyTorch.Activations.Reference;

/// <summary>
/// e^x − 1 and ln(1 + x) in double, accurate to a few ulps everywhere including near 0, where the obvious
/// Math.Exp(x) − 1 and Math.Log(1 + x) cancel (.NET's double.ExpM1 and double.LogP1 are exactly those).
/// </summary>
/// <remarks>
/// Kahan's corrections (Goldberg, "What every computer scientist should know about floating-point arithmetic", 1991,
/// Theorem 4; the same idea for expm1 in Kahan's notes and Higham, Accuracy and Stability, §1.14.1): with u = 1 + x
/// rounded (or u = e^x rounded), the rounding error of u is undone by evaluating ln(u)·x/(u − 1) (or
/// (u − 1)·x/ln(u)): u − 1 is exact (Sterbenz) and the ratio ln(u)/(u − 1) is smooth, so its relative error stays a few
/// ulps. ELU, CELU, SELU need e^x − 1 for x ≤ 0 (x = −1e−30 would give 0, not −1e−30), Softplus and LogSigmoid need
/// ln(1 + e^x) for small e^x.
/// </remarks>
public static class NearOne
{
    /// <summary>e^x − 1, relative error a few double ulps.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>e^x − 1: −1 at −∞, +∞ at +∞, NaN for NaN.</returns>
    public static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;   // |x| < 2^-54: e^x − 1 = x to double precision (and ±0 keeps its sign)
        }

        double um1 = u - 1.0;
        if (um1 == -1.0 || double.IsInfinity(u))
        {
            return um1;
        }

        return um1 * x / Math.Log(u);
    }

    /// <summary>ln(1 + x) for x ≥ −1, relative error a few double ulps.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>ln(1 + x): −∞ at −1, +∞ at +∞, NaN below −1 and for NaN.</returns>
    public static double Log1P(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0)
        {
            return x;   // |x| < 2^-53: ln(1 + x) = x to double precision
        }

        if (double.IsInfinity(u) || u == 0.0)
        {
            return Math.Log(u);
        }

        return Math.Log(u) * x / (u - 1.0);
    }
}
