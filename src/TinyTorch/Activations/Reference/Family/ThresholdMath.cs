namespace TinyTorch.Activations.Reference;

/// <summary>Threshold as a learner writes it: values at or below a threshold replaced by a constant. The oracle of its kernels.</summary>
public static class ThresholdMath
{
    /// <summary>The threshold of PyTorch's documentation example, Threshold(0.1, 20) (there is no default).</summary>
    public const double ExampleThreshold = 0.1f;

    /// <summary>The replacement of PyTorch's documentation example.</summary>
    public const double ExampleValue = 20;

    /// <summary>Threshold(x) = value where x ≤ threshold, x elsewhere. NaN stays NaN (it is not ≤ anything).</summary>
    /// <param name="x">The input.</param>
    /// <param name="threshold">At or below it, x is replaced.</param>
    /// <param name="value">The replacement.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x, double threshold, double value)
    {
        // BEGIN SOLUTION
        return x <= threshold ? value : x;
        // END SOLUTION
    }

    /// <summary>Threshold at the documentation example's parameters, 0.1 and 20.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x) => Forward(x, ExampleThreshold, ExampleValue);

    /// <summary>dThreshold/dx: 0 at or below the threshold (the constant), 1 above.</summary>
    /// <param name="x">The input.</param>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x, double threshold)
    {
        // BEGIN SOLUTION
        return x <= threshold ? 0.0 : 1.0;
        // END SOLUTION
    }

    /// <summary>The derivative at the documentation example's threshold.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x) => Derivative(x, ExampleThreshold);
}
