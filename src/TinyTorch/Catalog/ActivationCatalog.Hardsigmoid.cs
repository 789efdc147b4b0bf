using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>Hardsigmoid, relu6(x + 3)/6.</summary>
    public static ActivationDescriptor Hardsigmoid { get; } = new()
    {
        Name = "Hardsigmoid",
        Signature = "Hardsigmoid()",
        Formula = "relu6(x + 3)/6: 0 for x ≤ −3, 1 for x ≥ 3, (x + 3)/6 between",
        Derivative = "1/6 for −3 < x < 3, 0 otherwise",
        UsedIn = "MobileNetV3 (squeeze-and-excitation gates)",
        Trap = "(x + 3) then /6 rounds twice (1.00 ULP at worst, no margin): x + 3 is carried exactly and divided once",
        Cost = ActivationCost.PiecewiseLinear,
        Variants =
        [
            new()
            {
                Key = "hardsigmoid",
                Label = "Hardsigmoid",
                Create = () => new Core.Hardsigmoid(),
                Forward = (x, d) => ActivationKernels.Hardsigmoid(x, d),
                Backward = (g, x, d) => ActivationKernels.HardsigmoidBackward(g, x, d),
                Saves = SavedForBackward.Input,
                Reference = HardsigmoidMath.Forward,
                ReferenceDerivative = HardsigmoidMath.Derivative,
                ForwardBoundUlps = 1,
                AtNegativeInfinity = 0,
                AtPositiveInfinity = 1,
                Minimum = 0,
                Maximum = 1,
            },
        ],
    };
}
