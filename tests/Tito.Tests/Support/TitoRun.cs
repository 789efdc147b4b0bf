using Tito.Checks;

namespace Tito.Tests.Support;

/// <summary>What one in-process run of tito printed and returned.</summary>
public sealed record TitoRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs tito with <paramref name="args"/> in-process, output captured as plain text.</summary>
    internal static TitoRun Of(
        string[] args, ActivationRegistry? activations = null, string? progressFile = null, string? workingDirectory = null, string? learnerBuildRoot = null,
        string? toolDirectory = null) =>
        With(args, (output, error) => new TitoEnvironment
        {
            Out = ConsoleFactory.Create(output, plain: true),
            Output = output,
            Error = error,
            Activations = activations ?? ActivationRegistry.Library,
            DefaultProgressFile = progressFile ?? Path.Combine(Path.GetTempPath(), $"tito-test-{Guid.NewGuid():N}", "progress.json"),
            WorkingDirectory = workingDirectory ?? EmptyFolder.Value,
            LearnerBuildRoot = learnerBuildRoot ?? BuildRoot.Value,
            ToolDirectory = toolDirectory ?? AppContext.BaseDirectory,
        });

    /// <summary>Runs tito with <paramref name="args"/> in an environment the test builds around the two capturing writers.</summary>
    internal static TitoRun With(string[] args, Func<TextWriter, TextWriter, TitoEnvironment> environment)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = TitoApp.Run(args, environment(output, error));
        return new TitoRun(code, output.ToString(), error.ToString());
    }

    // An empty working folder: a leftover ./workspace in the temp folder must not change what 'complete' grades.
    private static readonly Lazy<string> EmptyFolder = new(() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"tito-cwd-{Guid.NewGuid():N}")).FullName);

    // Learner copies are built here, not in the user's own cache folder.
    private static readonly Lazy<string> BuildRoot = new(() => Path.Combine(Path.GetTempPath(), $"tito-builds-{Guid.NewGuid():N}"));

    /// <summary>Runs tito with the arguments split on spaces.</summary>
    internal static TitoRun Of(string commandLine, ActivationRegistry? activations = null) =>
        Of(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), activations);
}
