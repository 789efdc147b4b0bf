namespace TinyTorch.Activations.Reference;

/// <summary>SELU as a learner writes it: ELU at a fixed alpha, times a fixed scale, the two chosen so that activations
/// keep mean 0 and variance 1 through deep layers (Klambauer et al., 2017). The oracle of its kernels.</summary>
public static class SELUMath
{
    /// <summary>SELU's alpha, PyTorch's constant (1.6732632423543772848170429916717).</summary>
    public const double Alpha = 1.6732632423543772848170429916717;

    /// <summary>SELU's scale, PyTorch's constant (1.0507009873554804934193349852946).</summary>
    public const double Scale = 1.0507009873554804934193349852946;

    /// <summary>SELU(x) = scale·x for x &gt; 0, scale·alpha·(e^x − 1) otherwise. NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x)
    {
        // BEGIN SOLUTION
        // NOTE: e^x − 1 through NearOne.ExpM1, as for ELU: Math.Exp(x) − 1 cancels near 0.
        return Scale * (x > 0 ? x : Alpha * NearOne.ExpM1(x));
        // END SOLUTION
    }

    /// <summary>dSELU/dx: scale for x &gt; 0, scale·alpha·e^x otherwise (scale·alpha ≈ 1.7581 at 0, PyTorch's choice).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x)
    {
        // BEGIN SOLUTION
        return x > 0 ? Scale : Scale * Alpha * Math.Exp(x);
        // END SOLUTION
    }
}
