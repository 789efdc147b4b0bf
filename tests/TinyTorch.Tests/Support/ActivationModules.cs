using TinyTorch.Core;

namespace TinyTorch.Tests.Support;

/// <summary>The activation modules by the names the theories use.</summary>
internal static class ActivationModules
{
    /// <summary>A new module: ReLU, Sigmoid, Tanh, GELU (sigmoid form), GELU-Tanh, GELU-None, Softmax (last dim), Softmax-dim0.</summary>
    public static IActivation Make(string name) => name switch
    {
        "ReLU" => new ReLU(),
        "Sigmoid" => new Sigmoid(),
        "Tanh" => new Tanh(),
        "GELU" => new GELU(),
        "GELU-Tanh" => new GELU(GeluApproximation.Tanh),
        "GELU-None" => new GELU(GeluApproximation.None),
        "Softmax" => new Softmax(),
        "Softmax-dim0" => new Softmax(0),
        _ => throw new ArgumentException($"Unknown activation '{name}'.", nameof(name)),
    };
}
