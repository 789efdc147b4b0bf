namespace TinyTorch.Activations.Reference;

/// <summary>CELU as a learner writes it: ELU with x scaled by 1/alpha inside the exponential, so that its slope is 1
/// on both sides of 0 for every alpha (continuously differentiable). The oracle of its kernels.</summary>
public static class CELUMath
{
    /// <summary>PyTorch's default alpha.</summary>
    public const double DefaultAlpha = 1.0;

    /// <summary>CELU(x) = max(0, x) + min(0, alpha·(e^(x/alpha) − 1)). NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <param name="alpha">The saturation value below 0 is −alpha; above 0.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x, double alpha)
    {
        // BEGIN SOLUTION
        // NOTE: the same cancellation as ELU's: e^(x/alpha) − 1 through NearOne.ExpM1, never Math.Exp(x/alpha) − 1.
        return x > 0 ? x : alpha * NearOne.ExpM1(x / alpha);
        // END SOLUTION
    }

    /// <summary>CELU at the default alpha.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x) => Forward(x, DefaultAlpha);

    /// <summary>dCELU/dx: 1 for x &gt; 0, e^(x/alpha) otherwise (1 at 0 for every alpha).</summary>
    /// <param name="x">The input.</param>
    /// <param name="alpha">The saturation value below 0 is −alpha; above 0.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x, double alpha)
    {
        // BEGIN SOLUTION
        return x > 0 ? 1.0 : Math.Exp(x / alpha);
        // END SOLUTION
    }

    /// <summary>The derivative at the default alpha.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x) => Derivative(x, DefaultAlpha);
}
