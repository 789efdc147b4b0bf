using Spectre.Console;

namespace Tito.Checks;

/// <summary>
/// Runs suites as TinyTorch tells them: a header per unit, one ✅ per property that held, a progress line per
/// unit. A failure prints ❌ with expected, got and a hint, and the run goes on so every failure is seen at once.
/// </summary>
internal static class StoryRunner
{
    /// <summary>Runs every suite in order, writing the story to <paramref name="console"/>.</summary>
    /// <param name="console">Where the story goes.</param>
    /// <param name="suites">The suites to run.</param>
    /// <param name="header">The header verb: "Unit Test" or "Integration Test".</param>
    public static StoryResult Run(IAnsiConsole console, IEnumerable<CheckSuite> suites, string header)
    {
        var total = default(StoryResult);
        foreach (CheckSuite suite in suites)
        {
            total += RunSuite(console, suite, header);
        }

        return total;
    }

    private static StoryResult RunSuite(IAnsiConsole console, CheckSuite suite, string header)
    {
        console.MarkupLine($"[bold]🔬 {header}: {Markup.Escape(suite.Name)}...[/]");
        int passed = 0, failed = 0;
        foreach (PropertyCheck check in suite.Properties)
        {
            PropertyOutcome outcome = PropertyOutcome.Of(check);
            if (outcome.Passed)
            {
                console.MarkupLine($"[green]✅[/] {Markup.Escape(check.Description)}");
                passed++;
            }
            else
            {
                ReportFailure(console, check.Description, outcome);
                failed++;
            }

            ReportPrinted(console, outcome.Printed);
        }

        string mark = failed == 0 ? "[green]✓[/]" : $"[red]✗ ({failed} of {passed + failed} failed)[/]";
        console.MarkupLine($"📈 Progress: {Markup.Escape(suite.Name)} {mark}");
        console.WriteLine();
        return new StoryResult(passed, failed);
    }

    private static void ReportPrinted(IAnsiConsole console, string printed)
    {
        foreach (string line in printed.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            console.MarkupLine($"   [grey]📝 your code printed: {Markup.Escape(line.TrimEnd('\r'))}[/]");
        }
    }

    private static void ReportFailure(IAnsiConsole console, string description, PropertyOutcome outcome)
    {
        console.MarkupLine($"[red]❌ {Markup.Escape(description)}[/]");
        console.MarkupLine($"   expected: {Markup.Escape(outcome.Expected)}");
        console.MarkupLine($"   got:      [red]{Markup.Escape(outcome.Actual)}[/]");
        console.MarkupLine($"   [yellow]hint:[/]     {Markup.Escape(outcome.Hint)}");
    }
}
