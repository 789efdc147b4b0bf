using System.CommandLine;

namespace Tito.Commands;

internal static class BenchCommand
{
    public static Command Create(TitoEnvironment env) => new("bench", "todo");
}
