using TinyTorch.Core;

namespace TinyTorch.Catalog;

/// <summary>
/// One computable form of an activation, with everything a tool needs to build, check, plot and time it. Most
/// activations have one; GELU has three (its sigmoid, tanh and exact forms).
/// </summary>
public sealed record ActivationVariant
{
    /// <summary>The name used on the command line and in file names: "gelu-tanh".</summary>
    public required string Key { get; init; }

    /// <summary>The name shown to people: "GELU (tanh form)".</summary>
    public required string Label { get; init; }

    /// <summary>A fresh module of this form, at the default parameters.</summary>
    public required Func<IActivation> Create { get; init; }

    /// <summary>The forward span kernel at the default parameters; null for an activation along a dim.</summary>
    public ElementwiseKernel? Forward { get; init; }

    /// <summary>The backward span kernel at the default parameters; null for an activation along a dim.</summary>
    public ElementwiseBackwardKernel? Backward { get; init; }

    /// <summary>Whether <see cref="Backward"/> takes the forward's input or its output.</summary>
    public SavedForBackward Saves { get; init; } = SavedForBackward.Input;

    /// <summary>The readable layer's f(x) in double: the truth the kernels are measured against; null along a dim.</summary>
    public Func<double, double>? Reference { get; init; }

    /// <summary>The readable layer's f′(x) in double, a function of the input x; null along a dim.</summary>
    public Func<double, double>? ReferenceDerivative { get; init; }

    /// <summary>
    /// The proven bound on the forward kernel's error in ULPs of the true value, for every float32 input (where the
    /// truth is below 2^-126, in subnormal spacing, 2^-149, unless <see cref="SubnormalBoundUlps"/> says otherwise); for
    /// a form along a dim, for every slice of up to 65 536 entries. 0 means exact.
    /// </summary>
    public double ForwardBoundUlps { get; init; }

    /// <summary>
    /// The bound in subnormal spacing (2^-149) where the true value is below 2^-126, when it is not
    /// <see cref="ForwardBoundUlps"/>: the fused gates round their quotient once and then scale it by a power of two,
    /// which rounds a second time only where the result is subnormal (0.79 there: ½ plus the quotient's 0.57 of a ULP
    /// that is at most half a subnormal step).
    /// </summary>
    public double? SubnormalBoundUlps { get; init; }

    /// <summary>The bound that applies where the true value is <paramref name="truth"/>: <see cref="SubnormalBoundUlps"/> below 2^-126 when set, else <see cref="ForwardBoundUlps"/>.</summary>
    /// <param name="truth">The true value, in double.</param>
    /// <returns>The bound in ULPs of the truth (subnormal spacing below 2^-126).</returns>
    public double ForwardBoundAt(double truth) =>
        SubnormalBoundUlps is double tail && Math.Abs(truth) < SmallestNormal ? tail : ForwardBoundUlps;

    /// <summary>2^-126, float's smallest normal value.</summary>
    private const double SmallestNormal = 1.1754943508222875e-38;

    /// <summary>f(−∞): the limit the stability check expects.</summary>
    public double AtNegativeInfinity { get; init; }

    /// <summary>f(+∞).</summary>
    public double AtPositiveInfinity { get; init; }

    /// <summary>The lowest value f may take (the stability check flags anything below).</summary>
    public double Minimum { get; init; } = double.NegativeInfinity;

    /// <summary>The highest value f may take.</summary>
    public double Maximum { get; init; } = double.PositiveInfinity;

    /// <summary>The x range where the curve shows its shape, for plots.</summary>
    public (double From, double To) PlotRange { get; init; } = (-5, 5);

    /// <summary>For a form that works along a dim: its slice kernels, slice reference and dims; null for an element-wise form.</summary>
    public AlongDimForm? AlongDim { get; init; }

    /// <summary>Whether this form works element by element (has span kernels and a scalar reference).</summary>
    public bool IsElementwise => Forward is not null;

    /// <summary>For a gated unit (GLU, SwiGLU, …): its kernels and pair references; null for every other activation.</summary>
    public GatedForm? Gate { get; init; }

    /// <summary>Whether this form is a gated unit: a·f(b) on the two halves of a dim (see <see cref="Gate"/>).</summary>
    public bool IsGated => Gate is not null;
}
