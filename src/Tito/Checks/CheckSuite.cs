namespace Tito.Checks;

/// <summary>The properties of one unit (an activation, the tensor) or of the integration scenarios.</summary>
/// <param name="Name">What is under test, as in "🔬 Unit Test: Sigmoid...".</param>
/// <param name="Properties">Its checks, run in order.</param>
internal sealed record CheckSuite(string Name, IReadOnlyList<PropertyCheck> Properties);
