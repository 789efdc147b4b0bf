using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Tito;

/// <summary>
/// <c>tito --version</c>: tito's own informational version. The built-in action reports the entry assembly,
/// which is tito only when tito is the process (not under a test host or another program that embeds it).
/// </summary>
internal sealed class PrintVersionAction(TextWriter output) : SynchronousCommandLineAction
{
    /// <summary>The version text.</summary>
    public static string Version { get; } =
        typeof(PrintVersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(PrintVersionAction).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        output.WriteLine(Version);
        return ExitCodes.Success;
    }
}
