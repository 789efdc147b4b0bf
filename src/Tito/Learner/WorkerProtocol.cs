using System.Text.Json;
using Tito.Checks;

namespace Tito.Learner;

/// <summary>
/// What tito and its grading worker say to each other, one JSON object per line. The worker starts with a
/// <see cref="Hello"/> (the suites it will check, or why it cannot); then tito writes a property's index on a line and
/// the worker answers with that property's <see cref="PropertyOutcome"/>.
/// </summary>
internal static class WorkerProtocol
{
    private static readonly JsonSerializerOptions s_json = new();

    /// <summary>The worker's first line.</summary>
    /// <param name="Units">The unit suites' names and property descriptions, in story order.</param>
    /// <param name="Integration">The integration suites, likewise.</param>
    /// <param name="GoingFurther">The optional suites, likewise.</param>
    /// <param name="Fatal">Set instead when the copy cannot be graded at all (a class or signature is missing).</param>
    internal sealed record Hello(IReadOnlyList<SuitePlan> Units, IReadOnlyList<SuitePlan> Integration, IReadOnlyList<SuitePlan> GoingFurther, string? Fatal = null);

    /// <summary>One suite as the worker will run it.</summary>
    /// <param name="Name">"Sigmoid".</param>
    /// <param name="Checks">The property descriptions, in order.</param>
    internal sealed record SuitePlan(string Name, IReadOnlyList<string> Checks);

    /// <summary>The plan of <paramref name="suites"/>.</summary>
    public static Hello PlanOf(ModuleSuites suites) => new(Plan(suites.Units), Plan(suites.Integration), Plan(suites.GoingFurther));

    /// <summary>One line of JSON.</summary>
    public static string Write<T>(T message) => JsonSerializer.Serialize(message, s_json);

    /// <summary>Reads one line written by <see cref="Write{T}"/>; null when it is not such a line.</summary>
    public static T? Read<T>(string line)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(line, s_json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SuitePlan[] Plan(IReadOnlyList<CheckSuite> suites) =>
        [.. suites.Select(s => new SuitePlan(s.Name, [.. s.Properties.Select(p => p.Description)]))];
}
