namespace TinyTorch.Activations.Reference;

/// <summary>GLU as a reader writes it: the first half times the sigmoid of the second. The oracle of its kernels.</summary>
public static class GLUMath
{
    /// <summary>a·σ(b).</summary>
    /// <param name="a">The first half's value.</param>
    /// <param name="b">The second half's value, the gate.</param>
    /// <returns>The gated value; NaN for NaN, ±∞ for infinite a except at b = −∞ (∞·0: NaN).</returns>
    public static double Forward(double a, double b) => GatedMath.Forward(a, b, SigmoidMath.Forward, GatedMath.SigmoidSign);

    /// <summary>∂y/∂a = σ(b).</summary>
    /// <param name="a">The first half's value (unused: y is linear in a).</param>
    /// <param name="b">The second half's value.</param>
    /// <returns>The slope in a.</returns>
    public static double DerivativeA(double a, double b) => SigmoidMath.Forward(b);

    /// <summary>∂y/∂b = a·σ(b)σ(−b) (σ′ = σ(1 − σ), with 1 − σ(b) as σ(−b), which keeps its digits where σ(b) ≈ 1).</summary>
    /// <param name="a">The first half's value.</param>
    /// <param name="b">The second half's value.</param>
    /// <returns>The slope in b.</returns>
    public static double DerivativeB(double a, double b) => a * SigmoidMath.Forward(b) * SigmoidMath.Forward(-b);
}
