namespace TinyTorch.Activations.Reference;

/// <summary>SwiGLU as a reader writes it: the first half times SiLU of the second (LLaMA's feed-forward gate).</summary>
public static class SwiGLUMath
{
    /// <summary>a·SiLU(b) = a·b·σ(b).</summary>
    /// <param name="a">The first half's value.</param>
    /// <param name="b">The second half's value, the gate.</param>
    /// <returns>The gated value; ±0 at b = −∞ (SiLU's limit 0).</returns>
    public static double Forward(double a, double b) => GatedMath.Forward(a, b, SiLUMath.Forward, GatedMath.TimesSigmoidSign);

    /// <summary>∂y/∂a = SiLU(b).</summary>
    /// <param name="a">The first half's value (unused).</param>
    /// <param name="b">The second half's value.</param>
    /// <returns>The slope in a.</returns>
    public static double DerivativeA(double a, double b) => SiLUMath.Forward(b);

    /// <summary>∂y/∂b = a·SiLU′(b) = a·σ(b)(1 + b(1 − σ(b))).</summary>
    /// <param name="a">The first half's value.</param>
    /// <param name="b">The second half's value.</param>
    /// <returns>The slope in b.</returns>
    public static double DerivativeB(double a, double b) => a * SiLUMath.Derivative(b);
}
