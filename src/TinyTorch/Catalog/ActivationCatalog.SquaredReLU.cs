using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>SquaredReLU, max(0, x)².</summary>
    public static ActivationDescriptor SquaredReLU { get; } = new()
    {
        Name = "SquaredReLU",
        Signature = "SquaredReLU()",
        Formula = "max(0, x)²",
        Derivative = "2·max(0, x)",
        UsedIn = "Primer (So et al., 2021), transformer feed-forward layers (e.g. nanoGPT speedruns)",
        Trap = "x·x with x ≤ 0 masked to +0, so NaN stays NaN; overflows to +∞ past x ≈ 1.8·10^19, the correctly rounded value",
        Cost = ActivationCost.PiecewiseLinear,
        Variants =
        [
            new()
            {
                Key = "squaredrelu",
                Label = "SquaredReLU",
                Create = () => new Core.SquaredReLU(),
                Forward = (x, d) => ActivationKernels.SquaredReLU(x, d),
                Backward = (g, x, d) => ActivationKernels.SquaredReLUBackward(g, x, d),
                Saves = SavedForBackward.Input,
                Reference = SquaredReLUMath.Forward,
                ReferenceDerivative = SquaredReLUMath.Derivative,
                ForwardBoundUlps = 0.5,
                AtNegativeInfinity = 0,
                AtPositiveInfinity = double.PositiveInfinity,
                Minimum = 0,
                PlotRange = (-3, 3),
            },
        ],
    };
}
