namespace TinyTorch.Activations.Reference;

/// <summary>LogSigmoid as a learner writes it: ln σ(x), computed as −softplus(−x). The oracle of its kernels.</summary>
public static class LogSigmoidMath
{
    /// <summary>LogSigmoid(x) = ln σ(x) = min(x, 0) − ln(1 + e^(−|x|)).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation; −∞ at −∞, 0 at +∞, NaN for NaN.</returns>
    public static double Forward(double x)
    {
        // BEGIN SOLUTION
        // NOTE: Math.Log(SigmoidMath.Forward(x)) is −∞ once σ(x) underflows (x &lt; −745) and loses the tail digits of
        // ln(1 − tiny) for x ≫ 0; the split form exponentiates only −|x| and keeps every digit through NearOne.Log1P.
        if (double.IsNegativeInfinity(x))
        {
            return x;
        }

        return Math.Min(x, 0.0) - NearOne.Log1P(Math.Exp(-Math.Abs(x)));
        // END SOLUTION
    }

    /// <summary>dLogSigmoid/dx = 1 − σ(x) = σ(−x).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative; 1 at −∞, 0 at +∞.</returns>
    public static double Derivative(double x)
    {
        // BEGIN SOLUTION
        return SigmoidMath.Forward(-x);
        // END SOLUTION
    }
}
