using System.CommandLine;

namespace Tito.Commands;

internal static class ModuleCommand
{
    public static Command Create(TitoEnvironment env) => new("module", "todo");
}
