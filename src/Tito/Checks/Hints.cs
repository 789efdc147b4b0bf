namespace Tito.Checks;

/// <summary>The likely causes behind the usual failures, worded for the learner who has to fix them.</summary>
internal static class Hints
{
    public const string UnguardedExp =
        "NaN or ∞ from an unguarded exponential: e^x overflows float32 past x ≈ 88.7. Only ever exponentiate a " +
        "non-positive number (branch on the sign of x for sigmoid; subtract the max for softmax).";

    public const string Formula = "the formula itself is off: compare your code with the definition in the module's table.";

    public const string Shape = "the output must have the input's shape: allocate it from x's shape, not from a flat length.";

    public const string Range = "an output outside the function's range usually means the wrong formula or a lost sign.";

    public const string Symmetry = "a symmetry broke: check that the x < 0 branch computes the same function as the x ≥ 0 one.";

    public const string Mutation = "Forward must not change its input: write into a new tensor (only ForwardInPlace may overwrite).";

    public const string Backward = "Backward must be the derivative of this very forward (and use what Forward saved).";

    public const string SoftmaxMax =
        "softmax must subtract the maximum of each slice before exponentiating: e^(x − max) never overflows and the result is unchanged.";

    public const string SoftmaxDim = "normalize along the requested dim (default −1, the last), once per slice.";
}
