namespace Tito.Learner;

/// <summary>
/// The learner's code was still running when the grading time limit ran out: the whole run ends (exit 1), since an
/// endless loop would make every later check wait the same way.
/// </summary>
/// <param name="limit">The time limit (<c>--timeout</c>).</param>
/// <param name="suite">The unit being checked, "Sigmoid".</param>
/// <param name="description">The property being checked.</param>
internal sealed class LearnerTimeoutException(TimeSpan limit, string suite, string description)
    : Exception($"your code did not finish in {limit.TotalSeconds:0.##} s")
{
    /// <summary>The unit being checked when time ran out.</summary>
    public string Suite { get; } = suite;

    /// <summary>The property being checked when time ran out.</summary>
    public string Description { get; } = description;
}
