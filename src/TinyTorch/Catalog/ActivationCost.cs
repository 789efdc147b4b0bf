namespace TinyTorch.Catalog;

/// <summary>What an activation's cost is made of, as TinyTorch's relative-cost table groups them.</summary>
public enum ActivationCost
{
    /// <summary>Compares, selects and multiplies only: runs at the speed of a memory copy once vectorized (ReLU's 1×).</summary>
    PiecewiseLinear,

    /// <summary>One exponential (or tanh, a ratio of them) per element: TinyTorch's 3–4×.</summary>
    Exponential,

    /// <summary>An exponential with a logarithm, an error function or a second exponential: TinyTorch's 4–5×.</summary>
    Transcendental,

    /// <summary>A normalization along a dim: a max, a sum of exponentials and a scale per slice (Softmax's 5×+).</summary>
    Normalizing,
}
