using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>LeakyReLU, x for x &gt; 0, negativeSlope·x otherwise.</summary>
    public static ActivationDescriptor LeakyReLU { get; } = new()
    {
        Name = "LeakyReLU",
        Signature = "LeakyReLU(float negativeSlope = 0.01f)",
        Formula = "x for x > 0, negativeSlope·x otherwise",
        Derivative = "1 for x > 0, negativeSlope otherwise",
        UsedIn = "GAN discriminators (DCGAN), YOLOv3",
        Trap = "x·slope, not max(x, slope·x): right for slopes above 1 and for NaN",
        Cost = ActivationCost.PiecewiseLinear,
        Variants =
        [
            new()
            {
                Key = "leakyrelu",
                Label = "LeakyReLU",
                Create = () => new Core.LeakyReLU(),
                Forward = (x, d) => ActivationKernels.LeakyReLU(x, d),
                Backward = (g, x, d) => ActivationKernels.LeakyReLUBackward(g, x, d),
                Saves = SavedForBackward.Input,
                Reference = LeakyReLUMath.Forward,
                ReferenceDerivative = LeakyReLUMath.Derivative,
                ForwardBoundUlps = 0.5,
                AtNegativeInfinity = double.NegativeInfinity,
                AtPositiveInfinity = double.PositiveInfinity,
            },
        ],
    };
}
