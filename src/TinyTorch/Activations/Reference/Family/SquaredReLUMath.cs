namespace TinyTorch.Activations.Reference;

/// <summary>SquaredReLU as a learner writes it: ReLU, squared (Primer's transformer feed-forward). The oracle of its kernels.</summary>
public static class SquaredReLUMath
{
    /// <summary>SquaredReLU(x) = max(0, x)². NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x)
    {
        // BEGIN SOLUTION
        double relu = Math.Max(x, 0.0);
        return relu * relu;
        // END SOLUTION
    }

    /// <summary>dSquaredReLU/dx = 2·max(0, x): 0 at 0, from both sides.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x)
    {
        // BEGIN SOLUTION
        return 2 * Math.Max(x, 0.0);
        // END SOLUTION
    }
}
