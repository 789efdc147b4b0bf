namespace TinyTorch.Activations.Reference;

/// <summary>
/// RReLU as a learner writes it: a LeakyReLU whose slope below 0 is random in training and the mean slope in
/// evaluation. The oracle of its kernels, in evaluation mode (training mode is the same formula at a drawn slope).
/// </summary>
public static class RReLUMath
{
    /// <summary>PyTorch's default lowest slope, 1/8.</summary>
    public const double DefaultLower = 1f / 8;

    /// <summary>PyTorch's default highest slope, 1/3 (as a float, the value TinyTorch's modules hold).</summary>
    public const double DefaultUpper = 1f / 3;

    /// <summary>The slope in evaluation mode: the mean of the uniform draw, (lower + upper)/2.</summary>
    /// <param name="lower">The lowest slope.</param>
    /// <param name="upper">The highest slope.</param>
    /// <returns>The mean slope.</returns>
    public static double EvaluationSlope(double lower, double upper)
    {
        // BEGIN SOLUTION
        return (lower + upper) / 2;
        // END SOLUTION
    }

    /// <summary>RReLU(x) = x for x &gt; 0, slope·x otherwise. NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <param name="slope">The slope below 0: drawn in training, <see cref="EvaluationSlope"/> in evaluation.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x, double slope)
    {
        // BEGIN SOLUTION
        return x > 0 ? x : slope * x;
        // END SOLUTION
    }

    /// <summary>RReLU in evaluation mode at the default bounds.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x) => Forward(x, EvaluationSlope(DefaultLower, DefaultUpper));

    /// <summary>dRReLU/dx: 1 for x &gt; 0, the slope otherwise.</summary>
    /// <param name="x">The input.</param>
    /// <param name="slope">The slope below 0.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x, double slope)
    {
        // BEGIN SOLUTION
        return x > 0 ? 1.0 : slope;
        // END SOLUTION
    }

    /// <summary>The derivative in evaluation mode at the default bounds.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x) => Derivative(x, EvaluationSlope(DefaultLower, DefaultUpper));
}
