using System.CommandLine;
using Spectre.Console;
using Tito.Checks;
using Tito.Learner;
using Tito.Modules;

namespace Tito.Commands;

/// <summary><c>tito test</c>: runs a module's checks in-process and tells them as a story.</summary>
internal static class TestCommand
{
    public static Command Create(TitoEnvironment env)
    {
        var module = new Argument<string?>("module")
        {
            Description = "The module: a name (activations, tensor) or a number (02, 01).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var moduleOption = new Option<string?>("--module", "-m") { Description = "The module, as an option instead of an argument." };
        var all = new Option<bool>("--all") { Description = "Run every module in course order." };
        var workspace = new Option<string?>("--workspace") { Description = "Grade the learner's copy in this folder (made by 'tito module start 02') instead of the library; without it, the copy 'tito export' named, else the library." };
        var progress = new Option<string?>("--progress-file") { Description = "The progress file that records what 'tito export' made the implementation (default: tinytorch/progress.json in your application-data folder)." };

        Option<int?> timeout = GradingTarget.TimeoutOption();
        var command = new Command("test", "Run a module's tests as a story: one ✅ per property, ❌ with a hint on failure.")
        {
            module, moduleOption, all, workspace, timeout, progress,
        };
        command.SetAction(parse =>
        {
            IReadOnlyList<CourseModule> modules = Resolve(parse.GetValue(module), parse.GetValue(moduleOption), parse.GetValue(all));
            var result = default(StoryResult);
            foreach (CourseModule m in modules)
            {
                string? copy = parse.GetValue(workspace);
                if (copy is null && ExportCommand.ExportedCopy(env, m, parse.GetValue(progress)) is { } exported)
                {
                    env.Out.MarkupLine("📤 Testing your exported copy ('tito export --library' tests the library again).");
                    copy = exported;
                }

                using GradingTarget? target = GradingTarget.Resolve(env, m, copy, detectDefault: false, parse.GetValue(timeout));
                if (target is null)
                {
                    return ExitCodes.CheckFailed;
                }

                try
                {
                    result += RunModule(env, m, target.Suites);
                }
                catch (LearnerTimeoutException e)
                {
                    return GradingTarget.ReportTimeout(env, e);
                }
            }

            return Finish(env.Out, result, modules);
        });
        return command;
    }

    /// <summary>Runs one module's units then its integration scenarios.</summary>
    public static StoryResult RunModule(TitoEnvironment env, CourseModule m, ModuleSuites suites)
    {
        env.Out.MarkupLine($"[bold blue]🧪 Module {m.Number}: {m.Title}[/]");
        env.Out.WriteLine();
        StoryResult result = StoryRunner.Run(env.Out, suites.Units, "Unit Test");
        if (suites.Integration.Count > 0)
        {
            result += StoryRunner.Run(env.Out, suites.Integration, "Integration Test");
        }

        if (suites.GoingFurther.Count > 0)
        {
            env.Out.MarkupLine($"[bold blue]🧭 Going further: the rest of the family and the gated units ({suites.GoingFurther.Count} forms)[/]");
            env.Out.WriteLine();
            result += StoryRunner.Run(env.Out, suites.GoingFurther, "Unit Test");
        }

        return result;
    }

    /// <summary>The closing banner and the exit code: 0 if every property held, 1 otherwise.</summary>
    public static int Finish(IAnsiConsole console, StoryResult result, IReadOnlyList<CourseModule> modules)
    {
        string names = string.Join(", ", modules.Select(m => $"Module {m.Number} ({m.Title})"));
        if (result.AllPassed)
        {
            console.MarkupLine($"[bold green]🎉 ALL TESTS PASSED! {result.Passed} properties held. {Markup.Escape(names)} works.[/]");
            return ExitCodes.Success;
        }

        console.MarkupLine($"[bold red]❌ {result.Failed} of {result.Passed + result.Failed} checks failed in {Markup.Escape(names)}.[/] Fix the first ❌ above and run again.");
        return ExitCodes.CheckFailed;
    }

    private static IReadOnlyList<CourseModule> Resolve(string? argument, string? option, bool all)
    {
        if (all)
        {
            if (argument is not null || option is not null)
            {
                throw new UserErrorException("give either a module or --all, not both.");
            }

            return ModuleCatalog.All;
        }

        if (argument is not null && option is not null && ModuleCatalog.Find(argument) != ModuleCatalog.Find(option))
        {
            throw new UserErrorException($"two different modules given: '{argument}' and --module '{option}'.");
        }

        string? key = argument ?? option;
        return key is null
            ? throw new UserErrorException("which module? e.g. 'tito test activations', 'tito test 02' or 'tito test --all'.")
            : [ModuleCatalog.Find(key)];
    }
}
