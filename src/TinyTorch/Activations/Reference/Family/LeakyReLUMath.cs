namespace TinyTorch.Activations.Reference;

/// <summary>LeakyReLU as a learner writes it: x above 0, a small slope times x below. The oracle of its kernels.</summary>
public static class LeakyReLUMath
{
    /// <summary>PyTorch's default slope below 0.</summary>
    public const double DefaultNegativeSlope = 0.01f;

    /// <summary>LeakyReLU(x) = x for x &gt; 0, negativeSlope·x otherwise. NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <param name="negativeSlope">The slope below 0.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x, double negativeSlope)
    {
        // BEGIN SOLUTION
        return x > 0 ? x : negativeSlope * x;
        // END SOLUTION
    }

    /// <summary>LeakyReLU at the default slope.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x) => Forward(x, DefaultNegativeSlope);

    /// <summary>dLeakyReLU/dx: 1 for x &gt; 0, negativeSlope otherwise (at 0 too, where PyTorch picks the slope).</summary>
    /// <param name="x">The input.</param>
    /// <param name="negativeSlope">The slope below 0.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x, double negativeSlope)
    {
        // BEGIN SOLUTION
        return x > 0 ? 1.0 : negativeSlope;
        // END SOLUTION
    }

    /// <summary>The derivative at the default slope.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x) => Derivative(x, DefaultNegativeSlope);
}
