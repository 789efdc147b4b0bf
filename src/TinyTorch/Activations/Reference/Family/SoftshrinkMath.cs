namespace TinyTorch.Activations.Reference;

/// <summary>Softshrink as a learner writes it: every value moved toward 0 by lambd, stopping at 0. The oracle of its kernels.</summary>
public static class SoftshrinkMath
{
    /// <summary>PyTorch's default lambd.</summary>
    public const double DefaultLambd = 0.5;

    /// <summary>Softshrink(x) = x − lambd above lambd, x + lambd below −lambd, 0 between. NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <param name="lambd">The amount each value moves toward 0.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x, double lambd)
    {
        // BEGIN SOLUTION
        // x minus its own value clamped to the band: lambd taken off above, added below, all of x inside. NaN − NaN is
        // NaN, ∞ − lambd is ∞.
        return x - Math.Clamp(x, -lambd, lambd);
        // END SOLUTION
    }

    /// <summary>Softshrink at the default lambd, 0.5.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x) => Forward(x, DefaultLambd);

    /// <summary>dSoftshrink/dx: 1 where |x| &gt; lambd, 0 elsewhere (at ±lambd too, where PyTorch picks 0).</summary>
    /// <param name="x">The input.</param>
    /// <param name="lambd">The amount each value moves toward 0.</param>
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
