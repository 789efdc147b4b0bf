namespace TinyTorch.Activations.Reference;

/// <summary>Softsign as a learner writes it: x over one plus its size. The oracle of its kernels.</summary>
public static class SoftsignMath
{
    /// <summary>Softsign(x) = x/(1 + |x|).</summary>
    /// <param name="x">The input.</param>
    /// <returns>A value in [−1, 1]: ±1 at ±∞, NaN for NaN.</returns>
    public static double Forward(double x)
    {
        // BEGIN SOLUTION
        // NOTE: at ±∞ the quotient is ∞/∞ = NaN, yet the limit is ±1.
        if (double.IsInfinity(x))
        {
            return Math.Sign(x);
        }

        return x / (1.0 + Math.Abs(x));
        // END SOLUTION
    }

    /// <summary>dSoftsign/dx = 1/(1 + |x|)² (1 at 0, from both sides).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative; 0 at ±∞.</returns>
    public static double Derivative(double x)
    {
        // BEGIN SOLUTION
        double d = 1.0 + Math.Abs(x);
        return 1.0 / (d * d);
        // END SOLUTION
    }
}
