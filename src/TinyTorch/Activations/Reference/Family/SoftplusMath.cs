namespace TinyTorch.Activations.Reference;

/// <summary>Softplus as a learner writes it: a smooth ReLU, ln(1 + e^x), scaled by a sharpness beta. The oracle of its kernels.</summary>
public static class SoftplusMath
{
    /// <summary>PyTorch's default sharpness.</summary>
    public const double DefaultBeta = 1.0;

    /// <summary>PyTorch's default threshold: above it (in beta·x) Softplus returns x.</summary>
    public const double DefaultThreshold = 20.0;

    /// <summary>Softplus(x) = (1/beta)·ln(1 + e^(beta·x)), x where beta·x &gt; threshold (PyTorch's linear tail).</summary>
    /// <param name="x">The input.</param>
    /// <param name="beta">The sharpness, above 0.</param>
    /// <param name="threshold">Above it (in beta·x) the result is x.</param>
    /// <returns>The activation; 0 at −∞, +∞ at +∞, NaN for NaN.</returns>
    public static double Forward(double x, double beta, double threshold)
    {
        // BEGIN SOLUTION
        double t = beta * x;
        if (t > threshold)
        {
            return x;
        }

        // NOTE: ln(1 + e^t) as written overflows e^t from t = 710 (and float's from 88.7), and for t ≪ 0 Math.Log(1 + e^t)
        // rounds 1 + e^t to 1 and returns 0 (from t = −37). max(t, 0) + ln(1 + e^(−|t|)) only ever exponentiates −|t|,
        // and NearOne.Log1P keeps the tail's digits.
        return (Math.Max(t, 0.0) + NearOne.Log1P(Math.Exp(-Math.Abs(t)))) / beta;
        // END SOLUTION
    }

    /// <summary>Softplus at the default beta and threshold.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x) => Forward(x, DefaultBeta, DefaultThreshold);

    /// <summary>dSoftplus/dx = σ(beta·x), and 1 where beta·x &gt; threshold.</summary>
    /// <param name="x">The input.</param>
    /// <param name="beta">The sharpness, above 0.</param>
    /// <param name="threshold">Above it (in beta·x) the slope is 1.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x, double beta, double threshold)
    {
        // BEGIN SOLUTION
        double t = beta * x;
        return t > threshold ? 1.0 : SigmoidMath.Forward(t);
        // END SOLUTION
    }

    /// <summary>The derivative at the default beta and threshold.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x) => Derivative(x, DefaultBeta, DefaultThreshold);
}
