using TinyTorch.Core;

namespace Tito.Tests.Support;

/// <summary>A learner's tanh before they wrote it: the TODO stub <c>tito module start</c> generates.</summary>
public sealed class StubbedTanh : IActivation
{
    public Tensor Forward(Tensor x) => throw new NotImplementedException("TODO: implement Forward");

    public Tensor Backward(Tensor gradOutput) => throw new NotImplementedException("TODO: implement Backward");

    public IReadOnlyList<Tensor> Parameters() => [];
}
