using TinyTorch.Core;

namespace TinyTorch.Activations.Reference;

/// <summary>GeGLU as a reader writes it: the first half times GELU of the second (T5 v1.1's gated-gelu).</summary>
public static class GeGLUMath
{
    /// <summary>a·GELU(b) in the chosen form.</summary>
    /// <param name="a">The first half's value.</param>
    /// <param name="b">The second half's value, the gate.</param>
    /// <param name="approximate">The GELU form.</param>
    /// <returns>The gated value; ±0 at b = −∞ (GELU's limit 0).</returns>
    public static double Forward(double a, double b, GeluApproximation approximate) =>
        GatedMath.Forward(a, b, Gelu(approximate), GatedMath.TimesSigmoidSign);

    /// <summary>∂y/∂a = GELU(b).</summary>
    /// <param name="a">The first half's value (unused).</param>
    /// <param name="b">The second half's value.</param>
    /// <param name="approximate">The GELU form.</param>
    /// <returns>The slope in a.</returns>
    public static double DerivativeA(double a, double b, GeluApproximation approximate) => Gelu(approximate)(b);

    /// <summary>∂y/∂b = a·GELU′(b), the form's own derivative.</summary>
    /// <param name="a">The first half's value.</param>
    /// <param name="b">The second half's value.</param>
    /// <param name="approximate">The GELU form.</param>
    /// <returns>The slope in b.</returns>
    public static double DerivativeB(double a, double b, GeluApproximation approximate) => a * approximate switch
    {
        GeluApproximation.Sigmoid => GELUMath.SigmoidFormDerivative(b),
        GeluApproximation.Tanh => GELUMath.TanhFormDerivative(b),
        _ => GELUMath.ExactFormDerivative(b),
    };

    private static Func<double, double> Gelu(GeluApproximation approximate) => approximate switch
    {
        GeluApproximation.Sigmoid => GELUMath.SigmoidForm,
        GeluApproximation.Tanh => GELUMath.TanhForm,
        _ => GELUMath.ExactForm,
    };
}
