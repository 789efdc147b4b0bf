using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>Tanhshrink, x − tanh(x).</summary>
    public static ActivationDescriptor Tanhshrink { get; } = new()
    {
        Name = "Tanhshrink",
        Signature = "Tanhshrink()",
        Formula = "x − tanh(x)",
        Derivative = "tanh²(x)",
        UsedIn = "smooth shrinkage in sparse coding (learned ISTA)",
        Trap = "x − tanh(x) cancels near 0 (≈ x³/3): a series there, and pairs where the exponential form still cancels",
        Cost = ActivationCost.Exponential,
        Variants =
        [
            new()
            {
                Key = "tanhshrink",
                Label = "Tanhshrink",
                Create = () => new Core.Tanhshrink(),
                Forward = (x, d) => ActivationKernels.Tanhshrink(x, d),
                Backward = (g, x, d) => ActivationKernels.TanhshrinkBackward(g, x, d),
                Saves = SavedForBackward.Input,
                Reference = TanhshrinkMath.Forward,
                ReferenceDerivative = TanhshrinkMath.Derivative,
                ForwardBoundUlps = 2,
                AtNegativeInfinity = double.NegativeInfinity,
                AtPositiveInfinity = double.PositiveInfinity,
            },
        ],
    };
}
