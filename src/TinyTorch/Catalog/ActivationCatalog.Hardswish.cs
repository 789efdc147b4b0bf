using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>Hardswish, x·relu6(x + 3)/6.</summary>
    public static ActivationDescriptor Hardswish { get; } = new()
    {
        Name = "Hardswish",
        Signature = "Hardswish()",
        Formula = "x·relu6(x + 3)/6: 0 for x ≤ −3, x for x ≥ 3, x(x + 3)/6 between",
        Derivative = "0 for x < −3, x/3 + ½ for −3 ≤ x < 3, 1 for x ≥ 3",
        UsedIn = "MobileNetV3, EfficientNet-Lite variants",
        Trap = "three naive roundings reach 1.91 ULP: x + 3 carried exactly, the product and /6 rounded once; −∞ gives the limit 0, not ∞·0",
        Cost = ActivationCost.PiecewiseLinear,
        Variants =
        [
            new()
            {
                Key = "hardswish",
                Label = "Hardswish",
                Create = () => new Core.Hardswish(),
                Forward = (x, d) => ActivationKernels.Hardswish(x, d),
                Backward = (g, x, d) => ActivationKernels.HardswishBackward(g, x, d),
                Saves = SavedForBackward.Input,
                Reference = HardswishMath.Forward,
                ReferenceDerivative = HardswishMath.Derivative,
                ForwardBoundUlps = 1,
                AtNegativeInfinity = 0,
                AtPositiveInfinity = double.PositiveInfinity,
                Minimum = -0.375,
            },
        ],
    };
}
