namespace Tito.Checks;

/// <summary>How a story run ended: the number of properties that held and that failed.</summary>
/// <param name="Passed">Properties that held.</param>
/// <param name="Failed">Properties that failed or threw.</param>
internal readonly record struct StoryResult(int Passed, int Failed)
{
    /// <summary>Whether nothing failed.</summary>
    public bool AllPassed => Failed == 0;

    /// <summary>The sum of two runs.</summary>
    public static StoryResult operator +(StoryResult a, StoryResult b) => new(a.Passed + b.Passed, a.Failed + b.Failed);
}
