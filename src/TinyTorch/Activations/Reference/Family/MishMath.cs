namespace TinyTorch.Activations.Reference;

/// <summary>Mish as a learner writes it: x times the tanh of its softplus. The oracle of its kernels.</summary>
public static class MishMath
{
    /// <summary>Mish(x) = x·tanh(softplus(x)).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation; 0 at −∞, +∞ at +∞, NaN for NaN.</returns>
    public static double Forward(double x)
    {
        // BEGIN SOLUTION
        // NOTE: at −∞, −∞·tanh(0) is NaN but the limit is 0. softplus comes from SoftplusMath's overflow-free form, and
        // Math.Tanh keeps its relative precision near 0 (where softplus(x) ≈ e^x is tiny), so x·tanh(…) loses nothing.
        if (double.IsNegativeInfinity(x))
        {
            return -0.0;
        }

        return x * Math.Tanh(SoftplusMath.Forward(x, 1.0, double.PositiveInfinity));
        // END SOLUTION
    }

    /// <summary>dMish/dx = tanh(sp) + x·σ(x)·sech²(sp), sp = softplus(x).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative; 0 at −∞, 1 at +∞.</returns>
    public static double Derivative(double x)
    {
        // BEGIN SOLUTION
        if (double.IsInfinity(x))
        {
            return x > 0 ? 1.0 : 0.0;
        }

        double sp = SoftplusMath.Forward(x, 1.0, double.PositiveInfinity);
        double c = Math.Cosh(sp);
        return Math.Tanh(sp) + (x * SigmoidMath.Forward(x) / (c * c));
        // END SOLUTION
    }
}
