namespace TinyTorch.Activations.Reference;

/// <summary>ReLU6 as a learner writes it: ReLU capped at 6. The oracle of its kernels.</summary>
public static class ReLU6Math
{
    /// <summary>ReLU6(x) = min(max(0, x), 6). NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x)
    {
        // BEGIN SOLUTION
        return Math.Clamp(x, 0.0, 6.0);
        // END SOLUTION
    }

    /// <summary>dReLU6/dx: 1 strictly between 0 and 6, 0 elsewhere (at 0 and at 6 too, where PyTorch picks 0).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x)
    {
        // BEGIN SOLUTION
        return x > 0 && x < 6 ? 1.0 : 0.0;
        // END SOLUTION
    }
}
