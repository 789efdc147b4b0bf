using Spectre.Console;

namespace Tito;

/// <summary>Builds Spectre consoles whose colour follows the conventions a CLI user expects.</summary>
internal static class ConsoleFactory
{
    /// <summary>
    /// The console for stdout. Colour and cursor movement are off when the output is redirected (a file or a
    /// pipe would receive escape codes) or when NO_COLOR is set to anything (https://no-color.org).
    /// </summary>
    public static IAnsiConsole ForStandardOutput()
    {
        bool plain = Console.IsOutputRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return Create(Console.Out, plain, interactive: !Console.IsOutputRedirected);
    }

    /// <summary>A console writing to <paramref name="writer"/>, plain text unless <paramref name="plain"/> is false.</summary>
    public static IAnsiConsole Create(TextWriter writer, bool plain, bool interactive = false, int width = 150)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            // NOTE: a redirected console reports a width of 80 or less; tables wider than that would wrap
            // mid-cell, so a fixed generous width keeps files and test output readable.
            console.Profile.Width = width;
        }

        return console;
    }
}
