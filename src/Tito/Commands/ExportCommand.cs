using System.CommandLine;
using Spectre.Console;
using Tito.Learner;
using Tito.Modules;

namespace Tito.Commands;

/// <summary>
/// <c>tito export --module activations</c>: makes the learner's copy the module's implementation, the one
/// <c>tito test</c> runs, until <c>tito export --library</c> goes back to the library.
/// </summary>
/// <remarks>
/// TinyTorch's export writes the learner's module into the <c>tinytorch</c> package, so that its tests and the later
/// modules import the learner's code. Here the library is a compiled package the learner cannot rewrite, so the
/// export is a record in the progress file: the copy's folder, which <c>tito test</c> then builds and grades (in a
/// child process, as <c>tito module complete</c> does) whenever it is not given <c>--workspace</c>.
/// </remarks>
internal static class ExportCommand
{
    public static Command Create(TitoEnvironment env)
    {
        var module = new Option<string?>("--module", "-m") { Description = "The module whose learner copy becomes its implementation: activations (02)." };
        var library = new Option<bool>("--library") { Description = "Go back: every module's tests run the library again." };
        var workspace = new Option<string?>("--workspace") { Description = "The learner's copy to export (default: ./workspace/02_activations, as 'tito module start 02' makes it)." };
        Option<string?> progress = ModuleCommand.ProgressFileOption();
        var command = new Command("export", "Make your copy of a module the implementation 'tito test' runs (--module), or go back to the library (--library).")
        {
            module, library, workspace, progress,
        };
        command.SetAction(parse =>
        {
            string? key = parse.GetValue(module);
            bool toLibrary = parse.GetValue(library);
            if (toLibrary == (key is not null))
            {
                throw new UserErrorException("give either --module activations (test your copy) or --library (test the library again).");
            }

            if (toLibrary && parse.GetValue(workspace) is not null)
            {
                throw new UserErrorException("--workspace goes with --module, not --library.");
            }

            ProgressStore store = ModuleCommand.Store(env, parse.GetValue(progress));
            store.EnsureUsable();
            return toLibrary ? ToLibrary(env, store) : ToCopy(env, store, ModuleCatalog.Find(key!), parse.GetValue(workspace));
        });
        return command;
    }

    private static int ToCopy(TitoEnvironment env, ProgressStore store, CourseModule m, string? workspace)
    {
        if (m != ModuleCatalog.Activations)
        {
            throw new UserErrorException($"Module {m.Number} has no learner copy to export: its code is the library's own. Try --module activations.");
        }

        string folder = workspace is null ? GradingTarget.DefaultWorkspace(env, m) : Path.GetFullPath(workspace, env.WorkingDirectory);
        if (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.cs").Length == 0)
        {
            throw new UserErrorException($"no learner copy in {folder}; make one with 'tito module start 02'{(workspace is null ? ", or name yours with --workspace" : "")}.");
        }

        store.Update(m.Number, p => p.ExportedWorkspace = folder);
        env.Out.MarkupLine($"📤 Exported: 'tito test {m.Name}' now builds and grades your copy in {Markup.Escape(folder)}, not the library.");
        env.Out.MarkupLine($"💾 Recorded in {Markup.Escape(store.Path)}; 'tito export --library' goes back to the library.");
        return ExitCodes.Success;
    }

    private static int ToLibrary(TitoEnvironment env, ProgressStore store)
    {
        string[] exported = [.. store.Load().Where(e => e.Value.ExportedWorkspace is not null).Select(e => e.Key).Order(StringComparer.Ordinal)];
        foreach (string number in exported)
        {
            store.Update(number, p => p.ExportedWorkspace = null);
        }

        env.Out.MarkupLine(exported.Length == 0
            ? "📦 Nothing was exported: 'tito test' already runs the library."
            : $"📦 Back to the library: 'tito test' runs it again for module {string.Join(", ", exported)}; your copy is untouched.");
        return ExitCodes.Success;
    }

    /// <summary>
    /// The copy <c>tito export</c> recorded for <paramref name="m"/>, or null (the library). A machine with no home
    /// folder has no default progress file, hence no export: <c>tito test</c> runs there all the same.
    /// </summary>
    /// <exception cref="UserErrorException">The exported folder is gone, or the progress file is unusable.</exception>
    public static string? ExportedCopy(TitoEnvironment env, CourseModule m, string? progressFile)
    {
        ProgressStore store;
        try
        {
            store = ModuleCommand.Store(env, progressFile);
        }
        catch (UserErrorException) when (progressFile is null)
        {
            return null;
        }

        if (!store.Load().TryGetValue(m.Number, out ModuleProgress? p) || p.ExportedWorkspace is not { } folder)
        {
            return null;
        }

        return Directory.Exists(folder)
            ? folder
            : throw new UserErrorException($"your exported copy {folder} is gone; 'tito export --library' tests the library again, or export another copy with 'tito export --module {m.Name} --workspace DIR'.");
    }
}
