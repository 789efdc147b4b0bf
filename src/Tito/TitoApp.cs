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
        root.Subcommands.Add(PlotCommand.Create(env));
        root.Subcommands.Add(BenchCommand.Create(env));
        root.Subcommands.Add(CheckCommand.Create(env));
        root.Subcommands.Add(GradeWorkerCommand.Create());
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersionAction(env.Output);
        return root;
    }

    /// <summary>Parses <paramref name="args"/>, runs the chosen command and returns the process exit code.</summary>
    public static int Run(string[] args, TitoEnvironment env)
    {
        RootCommand root = BuildRoot(env);
        ParseResult parse = root.Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = env.Output,
            Error = env.Error,
            // NOTE: the default handler prints the exception with its stack trace and exits 1; a user error
            // must instead be one clear line and exit 2, so exceptions come back here.
            EnableDefaultExceptionHandler = false,
        };

        if (parse.Errors.Count > 0)
        {
            return ReportUsage(parse, env.Error);
        }

        try
        {
            return parse.Invoke(invocation);
        }
        catch (UserErrorException e)
        {
            env.Error.WriteLine($"tito: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file tito was told to use (progress file, workspace, SVG path) cannot be read or written: the
            // user can fix that, so it gets a message, not a stack trace.
            env.Error.WriteLine($"tito: {e.Message}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>Prints what was wrong, then the help of the command the user was typing, all to stderr.</summary>
    private static int ReportUsage(ParseResult parse, TextWriter error)
    {
        foreach (var e in parse.Errors)
        {
            error.WriteLine($"tito: {e.Message}");
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
