namespace Tito.Learner;

/// <summary>The learner's copy did not compile; carries the compiler's error lines.</summary>
internal sealed class LearnerBuildException(IReadOnlyList<string> errors)
    : Exception($"the learner's copy does not compile ({errors.Count} error(s))")
{
    /// <summary>The compiler's error lines.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
