namespace TinyTorch.Activations.Reference;

/// <summary>ReGLU as a reader writes it: the first half times ReLU of the second.</summary>
public static class ReGLUMath
{
    /// <summary>a·max(0, b).</summary>
    /// <param name="a">The first half's value.</param>
    /// <param name="b">The second half's value, the gate.</param>
    /// <returns>The gated value; NaN for an infinite a where b ≤ 0 (∞·0).</returns>
    public static double Forward(double a, double b) => a * ReLUMath.Forward(b);

    /// <summary>∂y/∂a = max(0, b).</summary>
    /// <param name="a">The first half's value (unused).</param>
    /// <param name="b">The second half's value.</param>
    /// <returns>The slope in a.</returns>
    public static double DerivativeA(double a, double b) => ReLUMath.Forward(b);

    /// <summary>∂y/∂b = a for b &gt; 0, else 0 (PyTorch's choice at the kink b = 0).</summary>
    /// <param name="a">The first half's value.</param>
    /// <param name="b">The second half's value.</param>
    /// <returns>The slope in b.</returns>
    public static double DerivativeB(double a, double b) => b > 0 ? a : 0.0;
}
