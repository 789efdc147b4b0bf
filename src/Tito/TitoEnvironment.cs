using Spectre.Console;
using Tito.Bench;
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

    /// <summary>Where <c>tito bench</c> gets its buffers; the process's own memory unless a test simulates running out.</summary>
    public BenchMemory BenchMemory { get; init; } = BenchMemory.Process;

    /// <summary>
    /// The progress file used when <c>--progress-file</c> is not given, if fixed (tests fix it); when null it is
    /// derived from the user's folders by <see cref="ResolveDefaultProgressFile"/>, only by a command that needs it.
    /// </summary>
    public string? DefaultProgressFile { get; init; }

    /// <summary>
    /// Looks up the user's folders (application data, home); <see cref="Environment.GetFolderPath(Environment.SpecialFolder)"/>
    /// unless a test simulates a machine without HOME. An empty answer means the folder is unknown or missing.
    /// </summary>
    public Func<Environment.SpecialFolder, string> UserFolder { get; init; } = Environment.GetFolderPath;

    /// <summary>Reads an environment variable; the process's own unless a test simulates another environment.</summary>
    public Func<string, string?> Variable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The folder relative paths (workspace, SVG output) are resolved against.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>
    /// The folder tito runs from; a TinyTorch checkout above it (the <c>./tito</c> script's build) is where
    /// <c>tito module start</c> looks for the reference files after the working directory.
    /// </summary>
    public string ToolDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>Where learner copies are built; null means the user's cache folder (<see cref="PrivateBuildFolder.DefaultRoot"/>).</summary>
    public string? LearnerBuildRoot { get; init; }

    /// <summary>The private folder learner copies are built in.</summary>
    /// <exception cref="UserErrorException">There is no home folder to put it in.</exception>
    public PrivateBuildFolder LearnerBuilds() => new(LearnerBuildRoot ?? PrivateBuildFolder.DefaultRoot(UserFolder, Variable)
        ?? throw new UserErrorException("cannot build your copy: HOME is not set (or does not exist), so there is no private cache folder; set HOME or XDG_CACHE_HOME."));

    /// <summary>The real process: console colour follows the terminal and NO_COLOR.</summary>
    public static TitoEnvironment FromProcess() => new()
    {
        Out = ConsoleFactory.ForStandardOutput(),
        Output = Console.Out,
        Error = Console.Error,
    };

    /// <summary>
    /// The default progress file: tinytorch/progress.json in the application-data folder, else in ~/.config.
    /// Decided when a command asks, so a command that keeps no progress (tito test) runs without a home folder.
    /// </summary>
    /// <exception cref="UserErrorException">Neither folder is known: HOME is unset or names a missing folder.</exception>
    public string ResolveDefaultProgressFile()
    {
        if (DefaultProgressFile is not null)
        {
            return DefaultProgressFile;
        }

        // NOTE: on Unix both lookups come from HOME (or XDG_CONFIG_HOME) and answer "" when that folder does not
        // exist; combining "" with the rest gave a path relative to wherever tito ran, so progress was written
        // to (and later looked for in) a different place each time.
        string root = UserFolder(Environment.SpecialFolder.ApplicationData);
        if (!Path.IsPathFullyQualified(root))
        {
            string home = UserFolder(Environment.SpecialFolder.UserProfile);
            if (!Path.IsPathFullyQualified(home))
            {
                throw new UserErrorException(
                    "cannot tell where to keep your progress: no home folder was found (HOME is unset, or names a folder that does not exist). " +
                    "Give --progress-file <path to a .json file>, or set HOME to an existing folder.");
            }

            root = Path.Combine(home, ".config");
        }

        return Path.Combine(root, "tinytorch", "progress.json");
    }
}
