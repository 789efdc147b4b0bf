namespace Tito.Checks;

/// <summary>
/// One property of the module, stated as the line a learner sees when it holds ("Sigmoid(0) = 0.5 exactly"),
/// and the real computation that proves it: <see cref="Run"/> throws <see cref="CheckFailedException"/> when it fails.
/// </summary>
/// <param name="Description">The ✅ line.</param>
/// <param name="Run">Computes and asserts; returns normally when the property holds.</param>
internal sealed record PropertyCheck(string Description, Action Run);
