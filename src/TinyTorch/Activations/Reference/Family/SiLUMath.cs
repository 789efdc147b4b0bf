namespace TinyTorch.Activations.Reference;

/// <summary>SiLU as a learner writes it: the input times its own sigmoid. The oracle of its kernels.</summary>
public static class SiLUMath
{
    /// <summary>SiLU(x) = x·σ(x).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation; 0 at −∞, +∞ at +∞, NaN for NaN.</returns>
    public static double Forward(double x)
    {
        // BEGIN SOLUTION
        // NOTE: at x = −∞ the product is −∞·0 = NaN, yet the limit is 0 (e^x shrinks faster than x grows): return it.
        // σ itself is the overflow-free SigmoidMath.Forward, so x·σ(x) keeps its relative precision down to the tail.
        if (double.IsNegativeInfinity(x))
        {
            return -0.0;
        }

        return x * SigmoidMath.Forward(x);
        // END SOLUTION
    }

    /// <summary>dSiLU/dx = σ(x)(1 + x(1 − σ(x))) = σ(x) + x·σ(x)σ(−x).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The slope; 0 at −∞, 1 at +∞, ½ at 0.</returns>
    public static double Derivative(double x)
    {
        // BEGIN SOLUTION
        if (double.IsInfinity(x))
        {
            return x > 0 ? 1.0 : 0.0;
        }

        // NOTE: 1 − σ(x) is σ(−x): computed that way it keeps its digits where σ(x) is close to 1.
        double s = SigmoidMath.Forward(x);
        return s + (x * s * SigmoidMath.Forward(-x));
        // END SOLUTION
    }
}
