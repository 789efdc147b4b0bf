using System.CommandLine;
using Spectre.Console;
using Tito.Checks;
using Tito.Modules;

namespace Tito.Learner;

/// <summary>
/// Decides what the checks grade: the library as built (in-process), or a learner's copy compiled from a workspace
/// and run in a child process with a time limit.
/// </summary>
internal sealed class GradingTarget : IDisposable
{
    /// <summary>The time limit on a learner's code when <c>--timeout</c> is not given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly LearnerWorker? _worker;

    private GradingTarget(ModuleSuites suites, LearnerWorker? worker)
    {
        Suites = suites;
        _worker = worker;
    }

    /// <summary>The suites to run; a learner copy's checks are answered by its worker process.</summary>
    public ModuleSuites Suites { get; }

    /// <summary>The default workspace of a module, as <c>tito module start</c> creates it.</summary>
    public static string DefaultWorkspace(TitoEnvironment env, CourseModule m) =>
        Path.Combine(env.WorkingDirectory, "workspace", $"{m.Number}_{m.Name}");

    /// <summary>The <c>--timeout</c> option of the grading commands, in seconds.</summary>
    public static Option<int?> TimeoutOption() => new("--timeout")
    {
        Description = $"Seconds your copy's code may run in all before grading stops (default {DefaultTimeout.TotalSeconds:0}).",
    };

    /// <summary>
    /// What to check. With a workspace (given, or found at the default place when <paramref name="detectDefault"/>),
    /// the learner's copy is compiled and graded in a child process; otherwise the library, in-process.
    /// Returns null after printing ❌ when the copy does not compile.
    /// </summary>
    public static GradingTarget? Resolve(TitoEnvironment env, CourseModule m, string? workspace, bool detectDefault, int? timeoutSeconds)
    {
        if (timeoutSeconds is <= 0)
        {
            throw new UserErrorException($"--timeout must be a positive number of seconds, but got {timeoutSeconds}.");
        }

        string? folder = workspace is not null ? Path.GetFullPath(workspace, env.WorkingDirectory)
            : detectDefault && Directory.Exists(DefaultWorkspace(env, m)) ? DefaultWorkspace(env, m)
            : null;
        if (folder is null)
        {
            return new GradingTarget(ModuleSuites.Of(m, env.Activations), null);
        }

        if (m != ModuleCatalog.Activations)
        {
            throw new UserErrorException($"Module {m.Number} has no learner copy to grade; --workspace applies to 02.");
        }

        env.Out.MarkupLine($"🔨 Building your copy in {Markup.Escape(folder)}…");
        string assembly;
        try
        {
            assembly = LearnerBuild.Compile(folder, env.LearnerBuilds());
        }
        catch (LearnerBuildException e)
        {
            env.Out.MarkupLine("[red]❌ Your copy does not compile:[/]");
            foreach (string error in e.Errors.Take(20))
            {
                env.Out.MarkupLine($"   {Markup.Escape(error)}");
            }

            env.Out.MarkupLine("   [yellow]hint:[/]     fix the first error; each stub must still return a value or throw.");
            return null;
        }

        TimeSpan limit = timeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : DefaultTimeout;
        (LearnerWorker worker, ModuleSuites suites) = LearnerWorker.Start(assembly, m, limit);
        env.Out.MarkupLine($"🎓 Grading your copy (not the library) with the module's checks, in a separate process ({limit.TotalSeconds:0.##} s at most).");
        env.Out.WriteLine();
        return new GradingTarget(suites, worker);
    }

    /// <summary>Prints what a time-out means for the learner and returns exit code 1.</summary>
    public static int ReportTimeout(TitoEnvironment env, LearnerTimeoutException e)
    {
        env.Out.MarkupLine($"[red]❌ {Markup.Escape(e.Description)}[/]");
        env.Out.MarkupLine($"   [red]{Markup.Escape(e.Message)}[/] (it was still running this check of {Markup.Escape(e.Suite)}; grading stopped there).");
        env.Out.MarkupLine("   [yellow]hint:[/]     an endless loop: check that every loop's condition changes and ends. " +
            "If your code is just slow, give it longer with --timeout SECONDS.");
        return ExitCodes.CheckFailed;
    }

    /// <inheritdoc/>
    public void Dispose() => _worker?.Dispose();
}
