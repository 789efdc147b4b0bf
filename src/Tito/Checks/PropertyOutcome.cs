using Tito.Learner;

namespace Tito.Checks;

/// <summary>
/// How one property check ended, as plain data: it held, or it failed with what was expected, what came back and a
/// hint. Plain data because a learner's copy is graded in a child process, which sends outcomes back to tito.
/// </summary>
/// <param name="Passed">Whether the property held.</param>
/// <param name="Expected">What the property requires (empty when it held).</param>
/// <param name="Actual">What the code under test returned or threw (empty when it held).</param>
/// <param name="Hint">The usual cause of this failure (empty when it held).</param>
/// <param name="Printed">What the code under test wrote to the console while the check ran (a learner's debug lines).</param>
internal sealed record PropertyOutcome(bool Passed, string Expected, string Actual, string Hint, string Printed = "")
{
    /// <summary>The property held.</summary>
    public static PropertyOutcome Held { get; } = new(true, "", "", "");

    /// <summary>Runs <paramref name="check"/> and turns whatever it threw into a failed outcome.</summary>
    /// <exception cref="LearnerTimeoutException">Passed through: a time limit ends the whole run, not one check.</exception>
    public static PropertyOutcome Of(PropertyCheck check)
    {
        if (check.Evaluate is { } evaluate)
        {
            return evaluate();
        }

        try
        {
            check.Run();
            return Held;
        }
        catch (CheckFailedException e)
        {
            return new(false, e.Expected, e.Actual, e.Hint);
        }
        catch (NotImplementedException e)
        {
            return new(false, "an implementation", $"NotImplementedException: {e.Message}",
                "this function is still a TODO stub: fill in the region between the TODO comments.");
        }
        catch (Exception e) when (e is not LearnerTimeoutException)
        {
            return new(false, "a result", $"{e.GetType().Name}: {e.Message}",
                "the code threw instead of computing; read the message above, it names what was wrong.");
        }
    }
}
