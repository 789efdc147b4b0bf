using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>SiLU, x·σ(x).</summary>
    public static ActivationDescriptor SiLU { get; } = new()
    {
        Name = "SiLU",
        Signature = "SiLU()",
        Formula = "x·σ(x)",
        Derivative = "σ(x)(1 + x(1 − σ(x)))",
        UsedIn = "LLaMA's SwiGLU gate, EfficientNet",
        Trap = "1 − σ(x) as σ(−x) in the slope, and x·σ(x) as one pair division: no extra rounding, no overflow of e^(−x)",
        Cost = ActivationCost.Exponential,
        Variants =
        [
            new()
            {
                Key = "silu",
                Label = "SiLU",
                Create = () => new Core.SiLU(),
                Forward = (x, d) => ActivationKernels.SiLU(x, d),
                Backward = (g, x, d) => ActivationKernels.SiLUBackward(g, x, d),
                Saves = SavedForBackward.Input,
                Reference = SiLUMath.Forward,
                ReferenceDerivative = SiLUMath.Derivative,
                ForwardBoundUlps = 1,
                AtNegativeInfinity = 0,
                AtPositiveInfinity = double.PositiveInfinity,
                Minimum = -0.2785,
            },
        ],
    };
}
