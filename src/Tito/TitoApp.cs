using System.CommandLine;
using Tito.Commands;

namespace Tito;

/// <summary>
/// The command tree and the rules every command shares: parse errors and user errors print to stderr and
/// exit 2; a failed check exits 1; nothing prints a stack trace for a mistake the user can fix.
/// </summary>
internal static class TitoApp
{
    /// <summary>Builds the root command with every subcommand wired to <paramref name="env"/>.</summary>
    public static RootCommand BuildRoot(TitoEnvironment env)
    {
        var root = new RootCommand(
            "tito — TinyTorch's command line for Module 02 (Activations): run the module's tests as a story, " +
            "complete modules, plot the activations, measure their cost and check their numerics.");
        root.Subcommands.Add(TestCommand.Create(env));
        root.Subcommands.Add(ModuleCommand.Create(env));
        root.Subcommands.Add(ExportCommand.Create(env));
        root.Subcommands.Add(PlotCommand.Create(env));
        root.Subcommands.Add(BenchCommand.Create(env));
        root.Subcommands.Add(CheckCommand.Create(env));
        root.Subcommands.Add(ListCommand.Create(env));
        root.Subcommands.Add(GradeWorkerCommand.Create());
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersionAction(env.Output);
        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/>, runs the chosen command and returns the process exit code. Whatever escapes
    /// the command ends here as one line on stderr: exit 2 when the user can fix it (a bad value, a file tito was
    /// told to use), exit 1 otherwise. No stack trace is ever printed: a learner cannot act on one.
    /// </summary>
    public static int Run(string[] args, TitoEnvironment env)
    {
        try
        {
            RootCommand root = BuildRoot(env);
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                return ReportUsage(parse, env.Error);
            }

            var invocation = new InvocationConfiguration
            {
                Output = env.Output,
                Error = env.Error,
                // NOTE: the default handler prints the exception with its stack trace and exits 1; a user error
                // must instead be one clear line and exit 2, so exceptions come back here.
                EnableDefaultExceptionHandler = false,
            };
            return parse.Invoke(invocation);
        }
        catch (Exception e)
        {
            (string message, int code) = Describe(e);
            env.Error.WriteLine($"tito: {OneLine(message)}");
            return code;
        }
    }

    /// <summary>The line to print for an exception that escaped a command, and the exit code that goes with it.</summary>
    private static (string Message, int Code) Describe(Exception e) => e switch
    {
        // Parallel work wraps what went wrong; the first inner exception is the one the user can act on.
        AggregateException { InnerExceptions.Count: > 0 } a => Describe(a.Flatten().InnerExceptions[0]),
        UserErrorException => (e.Message, ExitCodes.Usage),
        // A file tito was told to use (progress file, workspace, SVG path) cannot be read or written: the user
        // can fix that, so it gets a message, not a stack trace.
        IOException or UnauthorizedAccessException => (e.Message, ExitCodes.Usage),
        OutOfMemoryException =>
            ("ran out of memory. Ask for less at once: a smaller --size for bench, fewer --width/--height for plot.", ExitCodes.CheckFailed),
        InsufficientExecutionStackException =>
            ("the computation nested too deeply and was stopped before it could crash. This is a bug in tito; please report the command you ran.", ExitCodes.CheckFailed),
        _ => ($"unexpected error ({e.Message.TrimEnd('.')}). This is a bug in tito, not in your code or command; please report the command you ran.", ExitCodes.CheckFailed),
    };

    /// <summary>Messages can span lines (an inner exception's text, a path with a newline); stderr gets one line.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Prints what was wrong, then the help of the command the user was typing, all to stderr.</summary>
    private static int ReportUsage(ParseResult parse, TextWriter error)
    {
        foreach (var e in parse.Errors)
        {
            error.WriteLine($"tito: {ParseErrorText.For(e)}");
        }

        error.WriteLine();
        var path = new List<string>();
        for (var r = parse.CommandResult; r.Parent is System.CommandLine.Parsing.CommandResult parent; r = parent)
        {
            path.Insert(0, r.Command.Name);
        }

        path.Add("--help");
        parse.RootCommandResult.Command.Parse(path).Invoke(new InvocationConfiguration { Output = error, Error = error });
        return ExitCodes.Usage;
    }
}
