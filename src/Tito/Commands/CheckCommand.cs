using System.CommandLine;

namespace Tito.Commands;

internal static class CheckCommand
{
    public static Command Create(TitoEnvironment env) => new("check", "todo");
}
