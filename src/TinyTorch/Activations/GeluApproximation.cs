namespace TinyTorch.Core;

/// <summary>Which formula <see cref="GELU"/> evaluates. Each form's backward is that form's own exact derivative.</summary>
public enum GeluApproximation
{
    /// <summary>x·σ(1.702x): TinyTorch's form, cheapest, and the default. Within 0.02 of the exact form.</summary>
    Sigmoid,

    /// <summary>½x(1 + tanh(√(2/π)(x + 0.044715x³))): PyTorch's <c>approximate='tanh'</c>, within 5e−4 of the exact form.</summary>
    Tanh,

    /// <summary>No approximation: x·Φ(x) = ½x·erfc(−x/√2), PyTorch's default <c>approximate='none'</c>.</summary>
    None,
}
