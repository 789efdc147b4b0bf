namespace TinyTorch.Activations.Reference;

/// <summary>PReLU as a learner writes it: a LeakyReLU whose slope below 0 is learned. The oracle of its kernels.</summary>
public static class PReLUMath
{
    /// <summary>PyTorch's initial slope, 0.25.</summary>
    public const double DefaultWeight = 0.25;

    /// <summary>PReLU(x) = x for x &gt; 0, weight·x otherwise. NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <param name="weight">The slope of x's channel.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x, double weight)
    {
        // BEGIN SOLUTION
        return x > 0 ? x : weight * x;
        // END SOLUTION
    }

    /// <summary>PReLU at the initial slope.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x) => Forward(x, DefaultWeight);

    /// <summary>dPReLU/dx: 1 for x &gt; 0, weight otherwise (at 0 and for NaN too, as PyTorch).</summary>
    /// <param name="x">The input.</param>
    /// <param name="weight">The slope of x's channel.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x, double weight)
    {
        // BEGIN SOLUTION
        return x > 0 ? 1.0 : weight;
        // END SOLUTION
    }

    /// <summary>The derivative at the initial slope.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x) => Derivative(x, DefaultWeight);

    /// <summary>
    /// dPReLU/dweight: 0 for x &gt; 0, x otherwise. A channel's weight gradient is the sum of g·x over its elements,
    /// which is what makes the slope learnable.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative with respect to the slope.</returns>
    public static double WeightDerivative(double x)
    {
        // BEGIN SOLUTION
        return x > 0 ? 0.0 : x;
        // END SOLUTION
    }
}
