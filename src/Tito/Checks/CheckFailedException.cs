namespace Tito.Checks;

/// <summary>A property that did not hold: what was expected, what came back, and the likely cause.</summary>
internal sealed class CheckFailedException(string expected, string actual, string hint)
    : Exception($"expected {expected}, got {actual}")
{
    /// <summary>What the property requires, in words or numbers.</summary>
    public string Expected { get; } = expected;

    /// <summary>What the code under test returned.</summary>
    public string Actual { get; } = actual;

    /// <summary>The usual reason for this failure, for a learner who has to fix it.</summary>
    public string Hint { get; } = hint;
}
