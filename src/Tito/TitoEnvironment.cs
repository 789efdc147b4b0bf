using Spectre.Console;
using Tito.Checks;
using Tito.Learner;

namespace Tito;

/// <summary>
/// Everything a command touches outside its arguments: where it writes, which activations it checks, where it
/// keeps progress. Tests build one around a string writer and, for the failure paths, a broken activation.
/// </summary>
internal sealed class TitoEnvironment
{
    /// <summary>Standard output, with colour already decided (off when redirected or NO_COLOR is set).</summary>
    public required IAnsiConsole Out { get; init; }

    /// <summary>Standard output as plain text, for System.CommandLine's help and version (already laid out).</summary>
    public required TextWriter Output { get; init; }

    /// <summary>Standard error: usage and user errors go here, never a stack trace.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>The activations under test; the library's own unless a test plugs in another.</summary>
    public ActivationRegistry Activations { get; init; } = ActivationRegistry.Library;

    /// <summary>The progress file used when <c>--progress-file</c> is not given.</summary>
    public string DefaultProgressFile { get; init; } = DefaultProgressPath();

    /// <summary>The folder relative paths (workspace, SVG output) are resolved against.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Where learner copies are built; null means the user's cache folder (<see cref="PrivateBuildFolder.DefaultRoot"/>).</summary>
    public string? LearnerBuildRoot { get; init; }

    /// <summary>The private folder learner copies are built in.</summary>
    /// <exception cref="UserErrorException">There is no home folder to put it in.</exception>
    public PrivateBuildFolder LearnerBuilds() => new(LearnerBuildRoot ?? PrivateBuildFolder.DefaultRoot()
        ?? throw new UserErrorException("cannot build your copy: HOME is not set (or does not exist), so there is no private cache folder; set HOME or XDG_CACHE_HOME."));

    /// <summary>The real process: console colour follows the terminal and NO_COLOR.</summary>
    public static TitoEnvironment FromProcess() => new()
    {
        Out = ConsoleFactory.ForStandardOutput(),
        Output = Console.Out,
        Error = Console.Error,
    };

    private static string DefaultProgressPath()
    {
        string root = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        return Path.Combine(root, "tinytorch", "progress.json");
    }
}
