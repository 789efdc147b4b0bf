using System.CommandLine;

namespace Tito.Commands;

internal static class PlotCommand
{
    public static Command Create(TitoEnvironment env) => new("plot", "todo");
}
