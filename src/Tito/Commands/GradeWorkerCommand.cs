using System.CommandLine;
using Tito.Learner;
using Tito.Modules;

namespace Tito.Commands;

/// <summary>
/// <c>tito grade-worker</c>: the hidden command tito starts as a child process to run a learner's compiled copy
/// (see <see cref="GradingWorker"/>). Not for people: it speaks JSON lines on standard input and output.
/// </summary>
internal static class GradeWorkerCommand
{
    /// <summary>The command's name, as <see cref="LearnerWorker"/> starts it.</summary>
    public const string Name = "grade-worker";

    public static Command Create()
    {
        var assembly = new Option<string>("--assembly") { Required = true, Description = "The compiled learner copy." };
        var module = new Option<string>("--module") { Required = true, Description = "The module whose checks to run." };
        var deadline = new Option<int>("--deadline") { Required = true, Description = "Seconds after which the worker ends itself." };
        var command = new Command(Name, "Runs a learner's copy for tito in a child process (internal).")
        {
            assembly, module, deadline,
        };
        command.Hidden = true;
        command.SetAction(parse => GradingWorker.Serve(
            parse.GetValue(assembly)!, ModuleCatalog.Find(parse.GetValue(module)!), TimeSpan.FromSeconds(parse.GetValue(deadline))));
        return command;
    }
}
