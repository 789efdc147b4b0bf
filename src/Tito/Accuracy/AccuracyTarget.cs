using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;

namespace Tito.Accuracy;

/// <summary>One forward kernel, its double-precision reference, and the bound it promises in ULPs.</summary>
/// <param name="Name">The function.</param>
/// <param name="Kernel">The fast layer's span kernel.</param>
/// <param name="Reference">The readable layer's double function: the truth.</param>
/// <param name="BoundUlps">The promised maximum error.</param>
internal sealed record AccuracyTarget(string Name, SpanKernel Kernel, Func<double, double> Reference, double BoundUlps)
{
    /// <summary>Every element-wise forward kernel with the bound the kernels promise: ReLU exact,
    /// Sigmoid and Tanh 1 ULP, the GELU forms 2 ULP.</summary>
    public static IReadOnlyList<AccuracyTarget> All { get; } =
    [
        new("ReLU", ActivationKernels.ReLU, ReLUMath.Forward, 0),
        new("Sigmoid", ActivationKernels.Sigmoid, SigmoidMath.Forward, 1),
        new("Tanh", ActivationKernels.Tanh, TanhMath.Forward, 1),
        new("GELU (sigmoid form)", (x, y) => ActivationKernels.GELU(x, y, GeluApproximation.Sigmoid), GELUMath.SigmoidForm, 2),
        new("GELU (tanh form)", (x, y) => ActivationKernels.GELU(x, y, GeluApproximation.Tanh), GELUMath.TanhForm, 2),
        new("GELU (exact erf)", (x, y) => ActivationKernels.GELU(x, y, GeluApproximation.None), GELUMath.ExactForm, 2),
    ];
}
