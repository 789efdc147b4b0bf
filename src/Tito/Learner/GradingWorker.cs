using System.Diagnostics;
using System.Reflection;
using System.Text;
using Tito.Checks;
using Tito.Modules;

namespace Tito.Learner;

/// <summary>
/// The child-process side of grading (<c>tito grade-worker</c>, started by <see cref="LearnerWorker"/>): loads the
/// learner's compiled copy, runs the properties tito asks for and answers with their outcomes. Learner code runs only
/// here, so an endless loop, a stack overflow or <c>Environment.Exit</c> ends this process, never tito.
/// </summary>
internal static class GradingWorker
{
    /// <summary>The longest console output of one check that is sent back.</summary>
    private const int PrintedLimit = 2000;

    /// <summary>Serves requests on standard input until it closes; returns the process exit code.</summary>
    /// <param name="assemblyPath">The learner's compiled copy.</param>
    /// <param name="module">The module whose checks to run.</param>
    /// <param name="deadline">When this process ends itself even if tito never closes standard input.</param>
    public static int Serve(string assemblyPath, CourseModule module, TimeSpan deadline)
    {
        // NOTE: a watchdog of its own, in case tito itself was killed while learner code loops forever: nothing
        // would ever close standard input or kill this process otherwise.
        var watchdog = new Thread(() =>
        {
            Thread.Sleep(deadline);
            Process.GetCurrentProcess().Kill();
        }) { IsBackground = true };
        watchdog.Start();

        // The protocol owns the real standard output; the learner's Console.Write goes to a capture per check.
        using var protocol = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        using var requests = new StreamReader(Console.OpenStandardInput());
        var capture = new StringWriter();
        Console.SetOut(capture);
        Console.SetError(capture);

        ModuleSuites suites;
        try
        {
            ActivationRegistry activations = LearnerActivations.From(Assembly.LoadFile(Path.GetFullPath(assemblyPath)));
            suites = ModuleSuites.Of(module, activations);
        }
        catch (Exception e) when (e is UserErrorException or IOException or BadImageFormatException)
        {
            protocol.WriteLine(WorkerProtocol.Write(new WorkerProtocol.Hello([], [], [], e.Message)));
            return ExitCodes.Usage;
        }

        protocol.WriteLine(WorkerProtocol.Write(WorkerProtocol.PlanOf(suites)));
        PropertyCheck[] properties = [.. suites.AllProperties()];
        while (requests.ReadLine() is { } line)
        {
            if (!int.TryParse(line, out int index) || index < 0 || index >= properties.Length)
            {
                return ExitCodes.Usage;
            }

            capture.GetStringBuilder().Clear();
            PropertyOutcome outcome = PropertyOutcome.Of(properties[index]);
            protocol.WriteLine(WorkerProtocol.Write(outcome with { Printed = Printed(capture) }));
        }

        return ExitCodes.Success;
    }

    private static string Printed(StringWriter capture)
    {
        string text = capture.ToString();
        return text.Length <= PrintedLimit ? text : text[..PrintedLimit] + "\n… (the rest cut)";
    }
}
