using TinyTorch.Core;

namespace TinyTorch.Catalog;

/// <summary>
/// What a gated unit's form (<see cref="ActivationVariant.Gate"/>) adds to its catalog entry: its row kernels, a module
/// along any dim, and its readable references as functions of the pair (a, b), so that tools can check, plot and time it
/// without knowing which unit it is.
/// </summary>
public sealed record GatedForm
{
    /// <summary>The forward kernel over rows (the last dim) at the default parameters.</summary>
    public required GatedKernel Forward { get; init; }

    /// <summary>The backward kernel over rows.</summary>
    public required GatedBackwardKernel Backward { get; init; }

    /// <summary>A fresh module halving the given dim.</summary>
    public required Func<int, IActivation> CreateAlong { get; init; }

    /// <summary>The readable layer's a·f(b) in double: the truth the kernels are measured against.</summary>
    public required Func<double, double, double> Reference { get; init; }

    /// <summary>∂y/∂a in double, as a function of (a, b).</summary>
    public required Func<double, double, double> ReferenceDerivativeA { get; init; }

    /// <summary>∂y/∂b in double, as a function of (a, b).</summary>
    public required Func<double, double, double> ReferenceDerivativeB { get; init; }

    /// <summary>
    /// The pairs the forward bound (<see cref="ActivationVariant.ForwardBoundUlps"/>) is proven for, or null for all:
    /// the exact-erf GeGLU's holds where GELU(b) is a normal float.
    /// </summary>
    public Func<double, double, bool>? BoundHolds { get; init; }

    /// <summary>f(b) alone, the gate's curve (a = 1), for plots: the same as <see cref="Reference"/> at a = 1.</summary>
    public double Gate(double b) => Reference(1.0, b);
}
