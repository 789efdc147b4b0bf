namespace TinyTorch.Activations.Reference;

/// <summary>Hardshrink as a learner writes it: small values (|x| ≤ lambd) set to 0, the rest kept. The oracle of its kernels.</summary>
public static class HardshrinkMath
{
    /// <summary>PyTorch's default lambd.</summary>
    public const double DefaultLambd = 0.5;

    /// <summary>Hardshrink(x) = x where |x| &gt; lambd, 0 elsewhere. NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <param name="lambd">The half-width of the band sent to 0.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x, double lambd)
    {
        // BEGIN SOLUTION
        // NOTE: written as "inside the band → 0" so that NaN, which is inside no band, stays NaN.
        return Math.Abs(x) <= lambd ? 0.0 : x;
        // END SOLUTION
    }

    /// <summary>Hardshrink at the default lambd, 0.5.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x) => Forward(x, DefaultLambd);

    /// <summary>dHardshrink/dx: 1 where |x| &gt; lambd, 0 elsewhere (at ±lambd too, where PyTorch picks 0).</summary>
    /// <param name="x">The input.</param>
    /// <param name="lambd">The half-width of the band.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x, double lambd)
    {
        // BEGIN SOLUTION
        return Math.Abs(x) > lambd ? 1.0 : 0.0;
        // END SOLUTION
    }

    /// <summary>The derivative at the default lambd.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x) => Derivative(x, DefaultLambd);
}
