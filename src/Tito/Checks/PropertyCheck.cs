namespace Tito.Checks;

/// <summary>
/// One property of the module, stated as the line a learner sees when it holds ("Sigmoid(0) = 0.5 exactly"),
/// and the real computation that proves it: <see cref="Run"/> throws <see cref="CheckFailedException"/> when it fails.
/// </summary>
/// <param name="Description">The ✅ line.</param>
/// <param name="Run">Computes and asserts; returns normally when the property holds.</param>
/// <param name="Evaluate">
/// Set instead of a meaningful <paramref name="Run"/> when the property is checked elsewhere (a learner's copy runs
/// in a child process): returns the outcome that came back.
/// </param>
internal sealed record PropertyCheck(string Description, Action Run, Func<PropertyOutcome>? Evaluate = null)
{
    /// <summary>A property whose outcome is computed elsewhere, by <paramref name="evaluate"/>.</summary>
    public static PropertyCheck Remote(string description, Func<PropertyOutcome> evaluate) =>
        new(description, () => throw new InvalidOperationException("a remote check is evaluated, not run"), evaluate);
}
