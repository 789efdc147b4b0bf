namespace TinyTorch.Activations.Reference;

/// <summary>Hardsigmoid as a learner writes it: a straight line through (−3, 0) and (3, 1), flat outside. The oracle of its kernels.</summary>
public static class HardsigmoidMath
{
    /// <summary>Hardsigmoid(x) = relu6(x + 3)/6: 0 for x ≤ −3, 1 for x ≥ 3, (x + 3)/6 between. NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x)
    {
        // BEGIN SOLUTION
        // NOTE: in double, x + 3 and the division each round at 2^-53, far below a float ULP; a float kernel cannot take
        // this route as it stands (two float roundings reach 1.00 ULP).
        return Math.Clamp(x + 3, 0.0, 6.0) / 6;
        // END SOLUTION
    }

    /// <summary>dHardsigmoid/dx: 1/6 strictly between −3 and 3, 0 elsewhere (at ±3 too, where PyTorch picks 0).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x)
    {
        // BEGIN SOLUTION
        return x > -3 && x < 3 ? 1.0 / 6 : 0.0;
        // END SOLUTION
    }
}
