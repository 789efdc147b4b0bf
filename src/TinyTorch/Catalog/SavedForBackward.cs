namespace TinyTorch.Catalog;

/// <summary>Which tensor an activation keeps from Forward for Backward.</summary>
public enum SavedForBackward
{
    /// <summary>The input x: the derivative is a function of x (GELU, SiLU, …).</summary>
    Input,

    /// <summary>The output y: the derivative is cheaper from y (σ′ = y(1 − y), tanh′ = 1 − y²), and an in-place forward needs no copy of x.</summary>
    Output,
}
