using TinyTorch.Core;

namespace TinyTorch.Tests.Activations;

/// <summary>
/// A module's Backward after the tensor its Forward saved was disposed (the scope ended in between) says Forward and
/// Backward must run in the same scope, before any kernel reads storage that may already be another tensor's.
/// </summary>
public class ActivationStateDisposeTests
{
    public static TheoryData<string> Modules => ["ReLU", "Sigmoid", "Tanh", "GELU", "Softmax", "LeakyReLU", "SiLU", "PReLU", "RReLU"];

    [Theory]
    [MemberData(nameof(Modules))]
    public void BackwardAfterTheForwardsScopeEnded_SaysToUseOneScope(string name)
    {
        IActivation module = Create(name);
        var x = new Tensor(new float[] { -1, 0.5f, 2, -3, 1, 0 }, [2, 3]);
        using (Tensor.NewDisposeScope())
        {
            module.Forward(x * 1f);
        }

        var e = Assert.Throws<ObjectDisposedException>(() => module.Backward(Tensor.OnesLike(x)));
        Assert.Contains($"{name}.Backward", e.Message);
        Assert.Contains("(2, 3)", e.Message);
        Assert.Contains("Forward and Backward must run in the same dispose scope", e.Message);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void ForwardAndBackwardInOneScope_GiveTheSameGradientAsWithoutScopes(string name)
    {
        var x = new Tensor(new float[] { -1, 0.5f, 2, -3, 1, 0 }, [2, 3]);
        var g = new Tensor(new float[] { 1, -2, 3, 0.5f, 1, 2 }, [2, 3]);
        IActivation plain = Create(name);
        plain.Forward(x);
        float[] expected = plain.Backward(g).ToArray();

        IActivation scoped = Create(name);
        Tensor dx;
        using (Tensor.NewDisposeScope())
        {
            scoped.Forward(x);
            dx = scoped.Backward(g).MoveToOuterDisposeScope();
        }

        Assert.Equal(expected, dx.ToArray());
    }

    private static IActivation Create(string name) => name switch
    {
        "ReLU" => new ReLU(),
        "Sigmoid" => new Sigmoid(),
        "Tanh" => new Tanh(),
        "GELU" => new GELU(),
        "Softmax" => new Softmax(),
        "LeakyReLU" => new LeakyReLU(),
        "SiLU" => new SiLU(),
        "PReLU" => new PReLU(),
        "RReLU" => new RReLU(seed: 1),
        _ => throw new ArgumentException(name, nameof(name)),
    };
}
