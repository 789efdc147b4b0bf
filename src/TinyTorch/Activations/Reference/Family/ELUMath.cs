namespace TinyTorch.Activations.Reference;

/// <summary>ELU as a learner writes it: x above 0, a smooth exponential approach to −alpha below. The oracle of its kernels.</summary>
public static class ELUMath
{
    /// <summary>PyTorch's default alpha.</summary>
    public const double DefaultAlpha = 1.0;

    /// <summary>ELU(x) = x for x &gt; 0, alpha·(e^x − 1) otherwise. NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <param name="alpha">The saturation value below 0 is −alpha.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x, double alpha)
    {
        // BEGIN SOLUTION
        // NOTE: e^x − 1 written as Math.Exp(x) − 1 cancels near 0: at x = −1e−10 it returns −1.000000082740371e−10
        // (8 digits wrong) and at x = −1e−30 it returns 0. NearOne.ExpM1 keeps every digit.
        return x > 0 ? x : alpha * NearOne.ExpM1(x);
        // END SOLUTION
    }

    /// <summary>ELU at the default alpha.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x) => Forward(x, DefaultAlpha);

    /// <summary>dELU/dx: 1 for x &gt; 0, alpha·e^x otherwise (alpha at 0, where PyTorch takes the left side).</summary>
    /// <param name="x">The input.</param>
    /// <param name="alpha">The saturation value below 0 is −alpha.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x, double alpha)
    {
        // BEGIN SOLUTION
        return x > 0 ? 1.0 : alpha * Math.Exp(x);
        // END SOLUTION
    }

    /// <summary>The derivative at the default alpha.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x) => Derivative(x, DefaultAlpha);
}
