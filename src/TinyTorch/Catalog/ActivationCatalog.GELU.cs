using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>The Gaussian error linear unit x·Φ(x), in its three forms.</summary>
    public static ActivationDescriptor GELU { get; } = new()
    {
        Name = "GELU",
        Signature = "GELU(GeluApproximation approximate = Sigmoid)",
        Formula = "x·Φ(x); x·σ(1.702x); ½x(1 + tanh(√(2/π)(x + 0.044715x³)))",
        Derivative = "each form's own exact derivative",
        UsedIn = "transformers (BERT, GPT)",
        Trap = "erfc, not 1 + erf: no cancellation in the tail",
        Cost = ActivationCost.Transcendental,
        Variants =
        [
            Gelu(GeluApproximation.Sigmoid, "gelu", "GELU (sigmoid form)", GELUMath.SigmoidForm, GELUMath.SigmoidFormDerivative),
            Gelu(GeluApproximation.Tanh, "gelu-tanh", "GELU (tanh form)", GELUMath.TanhForm, GELUMath.TanhFormDerivative),
            Gelu(GeluApproximation.None, "gelu-exact", "GELU (exact erf)", GELUMath.ExactForm, GELUMath.ExactFormDerivative),
        ],
    };

    private static ActivationVariant Gelu(
        GeluApproximation form, string key, string label, Func<double, double> reference, Func<double, double> derivative) => new()
    {
        Key = key,
        Label = label,
        Create = () => new Core.GELU(form),
        Forward = (x, d) => ActivationKernels.GELU(x, d, form),
        Backward = (g, x, d) => ActivationKernels.GELUBackward(g, x, d, form),
        Saves = SavedForBackward.Input,
        Reference = reference,
        ReferenceDerivative = derivative,
        ForwardBoundUlps = 2,
        AtNegativeInfinity = 0,
        AtPositiveInfinity = double.PositiveInfinity,
        Minimum = -0.2,
    };
}
