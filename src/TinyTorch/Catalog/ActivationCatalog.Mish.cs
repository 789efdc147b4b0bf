using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>Mish, x·tanh(softplus(x)).</summary>
    public static ActivationDescriptor Mish { get; } = new()
    {
        Name = "Mish",
        Signature = "Mish()",
        Formula = "x·tanh(softplus(x))",
        Derivative = "tanh(sp) + x·σ(x)·sech²(sp), sp = softplus(x)",
        UsedIn = "YOLOv4's backbone (Misra 2019)",
        Trap = "no tanh of a log: tanh(ln(1 + e^x)) = (e^2x + 2e^x)/(e^2x + 2e^x + 2), in e^(−|x|) so nothing overflows",
        Cost = ActivationCost.Transcendental,
        Variants =
        [
            new()
            {
                Key = "mish",
                Label = "Mish",
                Create = () => new Core.Mish(),
                Forward = (x, d) => ActivationKernels.Mish(x, d),
                Backward = (g, x, d) => ActivationKernels.MishBackward(g, x, d),
                Saves = SavedForBackward.Input,
                Reference = MishMath.Forward,
                ReferenceDerivative = MishMath.Derivative,
                ForwardBoundUlps = 2,
                AtNegativeInfinity = 0,
                AtPositiveInfinity = double.PositiveInfinity,
                Minimum = -0.3089,
            },
        ],
    };
}
