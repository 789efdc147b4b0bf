using TinyTorch.Catalog;
using TinyTorch.Core;

namespace Tito.Checks;

/// <summary>
/// Where the checks get the activations they test. The library's own by default; a test (or a future grader
/// of a learner's copy) plugs in another implementation by replacing one factory.
/// </summary>
internal sealed class ActivationRegistry
{
    /// <summary>The library's activations.</summary>
    public static ActivationRegistry Library { get; } = new();

    /// <summary>Makes a ReLU.</summary>
    public Func<IActivation> ReLU { get; init; } = () => new ReLU();

    /// <summary>ReLU written over its input's storage; returns the tensor it wrote.</summary>
    public Func<Tensor, Tensor> ReLUInPlace { get; init; } = x => new ReLU().ForwardInPlace(x);

    /// <summary>Makes a Sigmoid.</summary>
    public Func<IActivation> Sigmoid { get; init; } = () => new Sigmoid();

    /// <summary>Makes a Tanh.</summary>
    public Func<IActivation> Tanh { get; init; } = () => new Tanh();

    /// <summary>Makes a GELU of the given form.</summary>
    public Func<GeluApproximation, IActivation> GELU { get; init; } = form => new GELU(form);

    /// <summary>Makes a Softmax over the given dim.</summary>
    public Func<int, IActivation> Softmax { get; init; } = dim => new Softmax(dim);

    /// <summary>Makes a Softmax with its default dim.</summary>
    public Func<IActivation> SoftmaxDefault { get; init; } = () => new Softmax();

    /// <summary>
    /// Whether the family beyond the course's five is graded too: true for the library and for a learner's copy with
    /// its going-further part; false for a copy without one (the family's checks would grade the library instead).
    /// </summary>
    public bool IncludesFamily { get; init; } = true;

    /// <summary>
    /// Which forms along a dim beyond Softmax (LogSoftmax, Softmin, Softmax2d) are graded: all of them for the library; for
    /// a learner's copy only those it writes itself (LogSoftmax, from its LogSoftmaxMath), since for the others the checks
    /// would grade the library instead.
    /// </summary>
    public Func<ActivationVariant, bool> GradesAlongDim { get; init; } = _ => true;

    /// <summary>Makes a form along a dim over the given dim (one whose <see cref="AlongDimForm.WithDim"/> is set); the catalog's module by default.</summary>
    public Func<ActivationVariant, int, IActivation> AlongDimWithDim { get; init; } = (variant, dim) => variant.AlongDim!.WithDim!(dim);

    /// <summary>Makes a family activation; the catalog's module unless a learner's copy plugs in its own.</summary>
    public Func<ActivationVariant, IActivation> Family { get; init; } = variant => variant.Create();

    /// <summary>
    /// The module for a catalog form: the course's five through this registry's factories (so a test's or a learner's
    /// implementation is what the checks see), the family from the catalog.
    /// </summary>
    public IActivation Create(ActivationVariant variant) => variant.Key switch
    {
        "relu" => ReLU(),
        "sigmoid" => Sigmoid(),
        "tanh" => Tanh(),
        "gelu" => GELU(GeluApproximation.Sigmoid),
        "gelu-tanh" => GELU(GeluApproximation.Tanh),
        "gelu-exact" => GELU(GeluApproximation.None),
        "softmax" => SoftmaxDefault(),
        _ => Family(variant),
    };
}
