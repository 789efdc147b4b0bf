namespace TinyTorch.Activations.Reference;

/// <summary>Hardtanh as a learner writes it: x clamped to [minVal, maxVal]. The oracle of its kernels.</summary>
public static class HardtanhMath
{
    /// <summary>PyTorch's default lower bound.</summary>
    public const double DefaultMinVal = -1;

    /// <summary>PyTorch's default upper bound.</summary>
    public const double DefaultMaxVal = 1;

    /// <summary>Hardtanh(x) = minVal below minVal, maxVal above maxVal, x between. NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <param name="minVal">The lower bound.</param>
    /// <param name="maxVal">The upper bound, at least <paramref name="minVal"/>.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x, double minVal, double maxVal)
    {
        // BEGIN SOLUTION
        return Math.Clamp(x, minVal, maxVal);
        // END SOLUTION
    }

    /// <summary>Hardtanh at the default bounds, −1 and 1.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x) => Forward(x, DefaultMinVal, DefaultMaxVal);

    /// <summary>dHardtanh/dx: 1 strictly between the bounds, 0 elsewhere (at the bounds too, where PyTorch picks 0).</summary>
    /// <param name="x">The input.</param>
    /// <param name="minVal">The lower bound.</param>
    /// <param name="maxVal">The upper bound.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x, double minVal, double maxVal)
    {
        // BEGIN SOLUTION
        return x > minVal && x < maxVal ? 1.0 : 0.0;
        // END SOLUTION
    }

    /// <summary>The derivative at the default bounds.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x) => Derivative(x, DefaultMinVal, DefaultMaxVal);
}
