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
}
