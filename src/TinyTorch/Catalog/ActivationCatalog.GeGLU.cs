using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>GeGLU, a ⊗ GELU(b) on the halves of a dim, in GELU's three forms (tanh first: T5's and the default).</summary>
    public static ActivationDescriptor GeGLU { get; } = new()
    {
        Name = "GeGLU",
        Signature = "GeGLU(int dim = -1, GeluApproximation approximate = Tanh)",
        Formula = "a ⊗ GELU(b), in GELU's form",
        Derivative = "∂a: GELU(b); ∂b: a·GELU′(b)",
        UsedIn = "T5 v1.1's feed-forward (gated-gelu)",
        Trap = "tanh and sigmoid forms: (a·b)/(1 + e^(−z)) with z a float pair, rounded once; the exact form is composed",
        Cost = ActivationCost.Exponential,
        Variants =
        [
            Geglu(GeluApproximation.Tanh, "geglu", "GeGLU (tanh form)", 0.57),
            Geglu(GeluApproximation.Sigmoid, "geglu-sigmoid", "GeGLU (sigmoid form)", 0.57),
            Geglu(GeluApproximation.None, "geglu-exact", "GeGLU (exact erf)", 4),
        ],
    };

    private static ActivationVariant Geglu(GeluApproximation form, string key, string label, double bound) => new()
    {
        Key = key,
        Label = label,
        Create = () => new Core.GeGLU(-1, form),
        Saves = SavedForBackward.Input,
        ForwardBoundUlps = bound,
        SubnormalBoundUlps = form == GeluApproximation.None ? null : 0.79,
        AtNegativeInfinity = 0,
        AtPositiveInfinity = double.PositiveInfinity,
        Minimum = -0.2,
        Gate = new()
        {
            Forward = (x, d, n) => ActivationKernels.GeGLU(x, d, n, form),
            Backward = (g, x, d, n) => ActivationKernels.GeGLUBackward(g, x, d, n, form),
            CreateAlong = dim => new Core.GeGLU(dim, form),
            Reference = (a, b) => GeGLUMath.Forward(a, b, form),
            ReferenceDerivativeA = (a, b) => GeGLUMath.DerivativeA(a, b, form),
            ReferenceDerivativeB = (a, b) => GeGLUMath.DerivativeB(a, b, form),

            // NOTE: the exact form is a times GELU(b) rounded; where GELU(b) is subnormal it has only a few significant
            // bits (GELU's kernel is within 1 ULP of it in subnormal spacing), which the product scales by |a|.
            BoundHolds = form == GeluApproximation.None ? (_, b) => Math.Abs(GELUMath.ExactForm(b)) >= 1.1754943508222875e-38 : null,
        },
    };
}
