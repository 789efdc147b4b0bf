using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Tito.Checks;
using Tito.Commands;
using Tito.Modules;

namespace Tito.Learner;

/// <summary>
/// tito's side of grading a learner's copy: runs <see cref="GradingWorker"/> in a child process and turns each of
/// its answers into a check of the story. The learner's code gets <see cref="Limit"/> in all; a crash fails the check
/// that was running (naming the function where the runtime says) and a fresh worker goes on with the next one.
/// </summary>
internal sealed partial class LearnerWorker : IDisposable
{
    private const int StderrLimit = 16_384;

    private readonly string _assembly;
    private readonly CourseModule _module;
    private readonly Stopwatch _used = new();
    private Process? _process;
    private StringBuilder _stderr = new();

    private LearnerWorker(string assembly, CourseModule module, TimeSpan limit)
    {
        _assembly = assembly;
        _module = module;
        Limit = limit;
    }

    /// <summary>How long the learner's code may run, over the whole grading run.</summary>
    public TimeSpan Limit { get; }

    /// <summary>
    /// Starts a worker over the compiled copy <paramref name="assembly"/> and returns the module's suites, each check
    /// answered by the worker.
    /// </summary>
    /// <exception cref="UserErrorException">The copy cannot be graded (a class or signature is missing).</exception>
    /// <exception cref="LearnerTimeoutException">The worker did not even start within the limit.</exception>
    public static (LearnerWorker Worker, ModuleSuites Suites) Start(string assembly, CourseModule module, TimeSpan limit)
    {
        var worker = new LearnerWorker(assembly, module, limit);
        try
        {
            WorkerProtocol.Hello hello = worker.Launch("(loading your copy)", "");
            int index = 0;
            CheckSuite[] Remote(IReadOnlyList<WorkerProtocol.SuitePlan> plans) =>
                [.. plans.Select(p => new CheckSuite(p.Name, [.. p.Checks.Select(d => worker.RemoteCheck(index++, p.Name, d))]))];
            CheckSuite[] units = Remote(hello.Units);
            CheckSuite[] integration = Remote(hello.Integration);
            return (worker, new ModuleSuites(units, integration, Remote(hello.GoingFurther ?? [])));
        }
        catch
        {
            worker.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Stop();

    private PropertyCheck RemoteCheck(int index, string suite, string description) =>
        PropertyCheck.Remote(description, () => Evaluate(index, suite, description));

    private PropertyOutcome Evaluate(int index, string suite, string description)
    {
        if (_process is null)
        {
            Launch(suite, description);
        }

        try
        {
            _process!.StandardInput.WriteLine(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _process.StandardInput.Flush();
        }
        catch (IOException)
        {
            return Crashed(suite);   // it died after its last answer (a thread the learner's code started, say)
        }

        string? line = ReadLine(suite, description);
        if (line is not null && WorkerProtocol.Read<PropertyOutcome>(line) is { } outcome)
        {
            return outcome;
        }

        return Crashed(suite);
    }

    /// <summary>Starts the worker process and reads its plan.</summary>
    private WorkerProtocol.Hello Launch(string suite, string description)
    {
        TimeSpan remaining = Limit - _used.Elapsed;
        var info = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        string seconds = Math.Ceiling(remaining.TotalSeconds + 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (string a in new[] { "exec", typeof(LearnerWorker).Assembly.Location, GradeWorkerCommand.Name,
            "--assembly", _assembly, "--module", _module.Number, "--deadline", seconds })
        {
            info.ArgumentList.Add(a);
        }

        _stderr = new StringBuilder();
        StringBuilder stderr = _stderr;
        _process = Process.Start(info) ?? throw new UserErrorException($"cannot start '{DotnetHost.Path}' to grade your copy.");
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                if (e.Data is not null && stderr.Length < StderrLimit)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();

        string? line = ReadLine(suite, description);
        WorkerProtocol.Hello? hello = line is null ? null : WorkerProtocol.Read<WorkerProtocol.Hello>(line);
        if (hello is null)
        {
            PropertyOutcome crash = Crashed(suite);
            throw new UserErrorException($"the grading process could not load your copy: {crash.Actual}");
        }

        return hello.Fatal is { } fatal ? throw new UserErrorException(fatal) : hello;
    }

    /// <summary>The worker's next line, waiting at most for what is left of the limit; null when it exited.</summary>
    private string? ReadLine(string suite, string description)
    {
        TimeSpan remaining = Limit - _used.Elapsed;
        _used.Start();
        Task<string?> line = _process!.StandardOutput.ReadLineAsync();
        bool answered = line.Wait(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        _used.Stop();
        if (!answered)
        {
            // NOTE: killing the worker ends the pending read too (end of stream); the reader goes with the process.
            Stop();
            throw new LearnerTimeoutException(Limit, suite, description);
        }

        return line.Result;
    }

    /// <summary>The worker died during a check: a failed outcome that says how, and the worker is restarted next time.</summary>
    private PropertyOutcome Crashed(string suite)
    {
        Process process = _process!;
        process.WaitForExit(TimeSpan.FromSeconds(10));
        process.WaitForExit();   // the stderr events are complete only after the parameterless wait
        string stderr;
        lock (_stderr)
        {
            stderr = _stderr.ToString();
        }

        int code = process.HasExited ? process.ExitCode : -1;
        Stop();
        string where = LearnerFrame().Match(stderr) is { Success: true } m ? m.Groups[1].Value : suite;
        if (stderr.Contains("Stack overflow", StringComparison.Ordinal))
        {
            return new(false, "the check to run to its end", $"your code crashed with a stack overflow in {where}",
                "endless recursion: a function that calls itself (directly or through another) with no case that stops it.");
        }

        string? unhandled = stderr.Split('\n').FirstOrDefault(l => l.StartsWith("Unhandled exception.", StringComparison.Ordinal))?.Trim();
        return new(false, "the check to run to its end",
            unhandled is not null ? $"your code crashed the process in {where}: {unhandled}" : $"your code ended the process (exit code {code}) in {where}",
            "a function under test must return a value or throw; it must not end the process (Environment.Exit, an exception on another thread).");
    }

    private void Stop()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // It ended between the check and the kill.
        }

        process.Dispose();
    }

    // The first frame of the learner's namespace in the runtime's crash report: "at TinyTorch.Activations.Reference.SigmoidMath.Forward(Double)".
    [GeneratedRegex(@"at TinyTorch\.Activations\.Reference\.(\w+\.\w+)\(")]
    private static partial Regex LearnerFrame();
}
