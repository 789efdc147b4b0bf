using System.CommandLine;
using Spectre.Console;
using Tito.Checks;
using Tito.Learner;
using Tito.Modules;

namespace Tito.Commands;

/// <summary><c>tito module start|complete|reset|status</c>: the learning loop of SPEC §3.</summary>
internal static class ModuleCommand
{
    public static Command Create(TitoEnvironment env)
    {
        var command = new Command("module", "The learning loop: start a module, complete it, reset it, see your progress.");
        command.Subcommands.Add(Complete(env));
        command.Subcommands.Add(Status(env));
        command.Subcommands.Add(Start(env));
        command.Subcommands.Add(Reset(env));
        return command;
    }

    /// <summary>The <c>--progress-file</c> option of every command that reads or writes progress.</summary>
    internal static Option<string?> ProgressFileOption() =>
        new("--progress-file") { Description = "The JSON file that records progress (default: tinytorch/progress.json in your application-data folder)." };

    private static Option<string?> WorkspaceOption() =>
        new("--workspace") { Description = "Where the learner's copy goes (default: ./workspace/<NN>_<name>)." };

    private static Option<string?> SourceOption() =>
        new("--source") { Description = "The TinyTorch repository root (default: found above the current folder; without one, the reference files inside tito)." };

    private static Argument<string> ModuleArgument() => new("module") { Description = "The module: 02 (activations) or 01 (tensor)." };

    /// <summary>The progress file <c>--progress-file</c> names, else the default one (a user error when there is none).</summary>
    internal static ProgressStore Store(TitoEnvironment env, string? path)
    {
        if (path is null)
        {
            return new(env.ResolveDefaultProgressFile());
        }

        // NOTE: an empty path would resolve to the current folder and be reported as "a folder", a puzzle.
        return string.IsNullOrWhiteSpace(path)
            ? throw new UserErrorException("--progress-file was given an empty path; give the path of a .json file, or leave the option out for the default.")
            : new(Path.GetFullPath(path, env.WorkingDirectory));
    }

    private static Command Complete(TitoEnvironment env)
    {
        Argument<string> module = ModuleArgument();
        Option<string?> progress = ProgressFileOption();
        var workspace = new Option<string?>("--workspace")
        {
            Description = "Grade the learner's copy in this folder. Default: ./workspace/02_activations if 'module start' made it, else the library.",
        };
        Option<int?> timeout = GradingTarget.TimeoutOption();
        var command = new Command("complete", "Run the module's unit then integration checks and, if all hold, record it as completed.")
        {
            module, progress, workspace, timeout,
        };
        command.SetAction(parse =>
        {
            Store(env, parse.GetValue(progress)).EnsureUsable();   // before any grading or copying: a bad file is found first
            CourseModule m = ModuleCatalog.Find(parse.GetValue(module)!);
            ProgressStore store = Store(env, parse.GetValue(progress));
            IAnsiConsole o = env.Out;
            o.MarkupLine($"[bold]🎯 Completing Module {m.Number}: {m.Title}[/]");
            using GradingTarget? target = GradingTarget.Resolve(env, m, parse.GetValue(workspace), detectDefault: true, parse.GetValue(timeout));
            if (target is null)
            {
                return ExitCodes.CheckFailed;
            }

            StoryResult result;
            StoryResult further = default;
            try
            {
                o.MarkupLine("[bold]Step 1/3 — unit tests[/]");
                result = StoryRunner.Run(o, target.Suites.Units, "Unit Test");
                o.MarkupLine("[bold]Step 2/3 — integration tests[/]");
                IReadOnlyList<CheckSuite> integration = target.Suites.Integration;
                result += integration.Count > 0 ? StoryRunner.Run(o, integration, "Integration Test") : default;
                if (integration.Count == 0)
                {
                    o.MarkupLine("   (this module has no integration scenarios of its own)");
                }

                if (target.Suites.GoingFurther.Count > 0)
                {
                    o.MarkupLine("[bold]Going further — optional, not required to complete the module[/]");
                    further = StoryRunner.Run(o, target.Suites.GoingFurther, "Unit Test");
                }
            }
            catch (LearnerTimeoutException e)
            {
                return GradingTarget.ReportTimeout(env, e);
            }

            if (!result.AllPassed)
            {
                return TestCommand.Finish(o, result, [m]);
            }

            o.MarkupLine("[bold]Step 3/3 — recording progress[/]");
            store.Update(m.Number, p =>
            {
                p.CompletedAt = DateTimeOffset.UtcNow;
                p.PropertiesPassed = result.Passed;
            });
            o.MarkupLine($"💾 Saved to {Markup.Escape(store.Path)}");
            o.WriteLine();
            o.MarkupLine($"[bold green]🎉 Module {m.Number} ({m.Title}) complete: {result.Passed} properties held.[/]");
            if (further.Passed + further.Failed > 0)
            {
                o.MarkupLine($"🧭 Going further: {further.Passed} of {further.Passed + further.Failed} optional properties held.");
            }

            o.MarkupLine("[bold]What you built:[/]");
            foreach (string line in m.Built)
            {
                o.MarkupLine($"  • {Markup.Escape(line)}");
            }

            o.MarkupLine($"[bold]Next:[/] {Markup.Escape(m.Next)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Status(TitoEnvironment env)
    {
        Option<string?> progress = ProgressFileOption();
        var command = new Command("status", "Show every module and its state.") { progress };
        command.SetAction(parse =>
        {
            Store(env, parse.GetValue(progress)).EnsureUsable();   // before any grading or copying: a bad file is found first
            ProgressStore store = Store(env, parse.GetValue(progress));
            Dictionary<string, ModuleProgress> all = store.Load();
            var table = new Table().AddColumn("Module").AddColumn("Title").AddColumn("State");
            foreach (CourseModule m in ModuleCatalog.All)
            {
                string state = all.TryGetValue(m.Number, out ModuleProgress? p) switch
                {
                    true when p!.CompletedAt is { } done => $"[green]✅ completed {done:yyyy-MM-dd HH:mm} UTC ({p.PropertiesPassed} properties)[/]",
                    true when p!.StartedAt is { } started => $"[yellow]🚧 started {started:yyyy-MM-dd HH:mm} UTC[/]",
                    _ => "⬜ not started",
                };
                if (p?.ExportedWorkspace is { } exported)
                {
                    state += $" · 📤 tito test grades {Markup.Escape(exported)}";
                }

                table.AddRow(m.Number, m.Title, state);
            }

            table.AddRow("03", "Layers", "🔒 next in the course (not in this repository)");
            env.Out.Write(table);
            env.Out.MarkupLine($"Progress file: {Markup.Escape(store.Path)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Start(TitoEnvironment env) => WorkspaceCommand(env, "start",
        "Make a learner's copy of the module's readable layer, with the solutions replaced by TODO stubs and hints.", reset: false);

    private static Command Reset(TitoEnvironment env) => WorkspaceCommand(env, "reset",
        "Start the module over: the current copy is moved to the next numbered backup (<workspace>.bak1, .bak2, …; none is ever deleted) and a fresh one is made.", reset: true);

    private static Command WorkspaceCommand(TitoEnvironment env, string name, string description, bool reset)
    {
        Argument<string> module = ModuleArgument();
        Option<string?> workspace = WorkspaceOption();
        Option<string?> source = SourceOption();
        Option<string?> progress = ProgressFileOption();
        var command = new Command(name, description) { module, workspace, source, progress };
        command.SetAction(parse =>
        {
            Store(env, parse.GetValue(progress)).EnsureUsable();   // before any grading or copying: a bad file is found first
            CourseModule m = ModuleCatalog.Find(parse.GetValue(module)!);
            if (m != ModuleCatalog.Activations)
            {
                throw new UserErrorException($"Module {m.Number} has no learner copy here: its code is the foundation the others stand on. Try 02.");
            }

            ReferenceSources sources = RepositoryLocator.FindSources(parse.GetValue(source), env.WorkingDirectory, env.ToolDirectory);
            string target = Path.GetFullPath(parse.GetValue(workspace) ?? Path.Combine("workspace", $"{m.Number}_{m.Name}"), env.WorkingDirectory);
            ProgressStore store = Store(env, parse.GetValue(progress));
            LearnerCopy.Prepare(env.Out, sources, target, reset);
            store.Update(m.Number, p =>
            {
                p.StartedAt = DateTimeOffset.UtcNow;
                if (reset)
                {
                    p.CompletedAt = null;
                    p.PropertiesPassed = 0;
                }
            });
            env.Out.MarkupLine($"[bold]Next:[/] fill in each TODO, reading the HINT lines; the originals ({Markup.Escape(sources.Origin)}) are the answers.");
            env.Out.MarkupLine($"[bold]Then:[/] tito module complete 02{(parse.GetValue(workspace) is null ? "" : $" --workspace {Markup.Escape(target)}")} (it builds your copy and grades it with the module's checks).");
            return ExitCodes.Success;
        });
        return command;
    }
}
