using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>Softshrink, x moved toward 0 by lambd, stopping at 0.</summary>
    public static ActivationDescriptor Softshrink { get; } = new()
    {
        Name = "Softshrink",
        Signature = "Softshrink(float lambd = 0.5f)",
        Formula = "x − lambd for x > lambd, x + lambd for x < −lambd, 0 otherwise",
        Derivative = "1 for |x| > lambd, 0 otherwise",
        UsedIn = "ISTA / LISTA (the L1 proximal step), wavelet denoising",
        Trap = "NaN must stay NaN: PyTorch 1.13's nested compares turned it into 0",
        Cost = ActivationCost.PiecewiseLinear,
        Variants =
        [
            new()
            {
                Key = "softshrink",
                Label = "Softshrink",
                Create = () => new Core.Softshrink(),
                Forward = (x, d) => ActivationKernels.Softshrink(x, d),
                Backward = (g, x, d) => ActivationKernels.SoftshrinkBackward(g, x, d),
                Saves = SavedForBackward.Input,
                Reference = SoftshrinkMath.Forward,
                ReferenceDerivative = SoftshrinkMath.Derivative,
                ForwardBoundUlps = 0.5,
                AtNegativeInfinity = double.NegativeInfinity,
                AtPositiveInfinity = double.PositiveInfinity,
                PlotRange = (-2, 2),
            },
        ],
    };
}
