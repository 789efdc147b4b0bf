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
            try
            {
                check.Run();
                console.MarkupLine($"[green]✅[/] {Markup.Escape(check.Description)}");
                passed++;
            }
            catch (CheckFailedException e)
            {
                ReportFailure(console, check.Description, e.Expected, e.Actual, e.Hint);
                failed++;
            }
            catch (NotImplementedException e)
            {
                ReportFailure(console, check.Description, "an implementation", $"NotImplementedException: {e.Message}",
                    "this function is still a TODO stub: fill in the region between the TODO comments.");
                failed++;
            }
            catch (Exception e)
            {
                ReportFailure(console, check.Description, "a result", $"{e.GetType().Name}: {e.Message}",
                    "the code threw instead of computing; read the message above, it names what was wrong.");
                failed++;
            }
        }

        string mark = failed == 0 ? "[green]✓[/]" : $"[red]✗ ({failed} of {passed + failed} failed)[/]";
        console.MarkupLine($"📈 Progress: {Markup.Escape(suite.Name)} {mark}");
        console.WriteLine();
        return new StoryResult(passed, failed);
    }

    private static void ReportFailure(IAnsiConsole console, string description, string expected, string actual, string hint)
    {
        console.MarkupLine($"[red]❌ {Markup.Escape(description)}[/]");
        console.MarkupLine($"   expected: {Markup.Escape(expected)}");
        console.MarkupLine($"   got:      [red]{Markup.Escape(actual)}[/]");
        console.MarkupLine($"   [yellow]hint:[/]     {Markup.Escape(hint)}");
    }
}
