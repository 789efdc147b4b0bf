namespace TinyTorch.Catalog;

/// <summary>
/// One activation as the catalog declares it: what it computes, what it is for, what it costs, and its computable
/// forms. Everything that enumerates activations (the CLI's tests, plots, benchmarks and numeric checks, the test
/// suite's sweeps, the guide's table) reads it from here, so an activation is declared once.
/// </summary>
public sealed record ActivationDescriptor
{
    /// <summary>The module's type name, as in PyTorch: "LeakyReLU".</summary>
    public required string Name { get; init; }

    /// <summary>The constructor with its parameters and defaults: "LeakyReLU(float negativeSlope = 0.01f)".</summary>
    public required string Signature { get; init; }

    /// <summary>The forward formula: "max(0, x) + negativeSlope·min(0, x)".</summary>
    public required string Formula { get; init; }

    /// <summary>The derivative: "1 for x &gt; 0, negativeSlope otherwise".</summary>
    public required string Derivative { get; init; }

    /// <summary>Where it is used: "GANs; ResNet variants".</summary>
    public required string UsedIn { get; init; }

    /// <summary>The numerical trap its implementation avoids (or "none").</summary>
    public required string Trap { get; init; }

    /// <summary>What its cost is made of.</summary>
    public required ActivationCost Cost { get; init; }

    /// <summary>The computable forms, the default first.</summary>
    public required IReadOnlyList<ActivationVariant> Variants { get; init; }

    /// <summary>Whether it works element by element (every form has span kernels), as opposed to along a dim.</summary>
    public bool IsElementwise => Variants.All(v => v.IsElementwise);
}
