using Tito.Checks;

namespace Tito.Tests.Support;

/// <summary>What one in-process run of tito printed and returned.</summary>
public sealed record TitoRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs tito with <paramref name="args"/> in-process, output captured as plain text.</summary>
    internal static TitoRun Of(string[] args, ActivationRegistry? activations = null, string? progressFile = null, string? workingDirectory = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new TitoEnvironment
        {
            Out = ConsoleFactory.Create(output, plain: true),
            Output = output,
            Error = error,
            Activations = activations ?? ActivationRegistry.Library,
            DefaultProgressFile = progressFile ?? Path.Combine(Path.GetTempPath(), $"tito-test-{Guid.NewGuid():N}", "progress.json"),
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        int code = TitoApp.Run(args, env);
        return new TitoRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs tito with the arguments split on spaces.</summary>
    internal static TitoRun Of(string commandLine, ActivationRegistry? activations = null) =>
        Of(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), activations);
}
