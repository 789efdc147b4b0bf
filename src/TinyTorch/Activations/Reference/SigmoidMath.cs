namespace TinyTorch.Activations.Reference;

/// <summary>
/// The logistic sigmoid σ(x) = 1 / (1 + e^(−x)), which squashes any real number into (0, 1),
/// and its derivative σ(x)(1 − σ(x)).
/// </summary>
public static class SigmoidMath
{
    /// <summary>σ(x), computed so that no exponential ever overflows.</summary>
    /// <param name="x">The input.</param>
    /// <returns>A value in [0, 1]: 0 at −∞, ½ at 0, 1 at +∞.</returns>
    public static double Forward(double x)
    {
        // BEGIN SOLUTION
        // NOTE: the textbook 1 / (1 + e^(−x)) computes e^(+1000) for x = −1000, which is +∞; the answer
        // 1/∞ = 0 happens to be right, but in float32 e^(−x) overflows already at x = −88.8 and the same
        // expression elsewhere (e^x / (1 + e^x)) gives ∞/∞ = NaN. So only ever exponentiate −|x| ≤ 0:
        //   x ≥ 0:  σ(x) = 1 / (1 + e^(−x))        e^(−x) ∈ (0, 1]
        //   x < 0:  σ(x) = e^x / (1 + e^x)         e^x   ∈ (0, 1)
        // Both are the same function (multiply the first by e^x / e^x), so the branch changes nothing but
        // the rounding. σ(0) = 1 / 2 is exact.
        if (x >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-x));
        }

        double e = Math.Exp(x);
        return e / (1.0 + e);
        // END SOLUTION
    }

    /// <summary>dσ/dx = σ(x)(1 − σ(x)), at most ¼ (at x = 0).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The slope of σ at x.</returns>
    public static double Derivative(double x)
    {
        // BEGIN SOLUTION
        // NOTE: 1 − σ(x) is σ(−x). Computing it that way instead of by subtraction keeps its digits when
        // σ(x) is close to 1, where the subtraction would leave only the rounding error of σ(x).
        return Forward(x) * Forward(-x);
        // END SOLUTION
    }
}
