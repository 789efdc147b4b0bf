using Spectre.Console;
using Tito.Checks;
using Tito.Modules;

namespace Tito.Learner;

/// <summary>Decides what the checks grade: the library as built, or a learner's copy compiled from a workspace.</summary>
internal static class GradingTarget
{
    /// <summary>The default workspace of a module, as <c>tito module start</c> creates it.</summary>
    public static string DefaultWorkspace(TitoEnvironment env, CourseModule m) =>
        Path.Combine(env.WorkingDirectory, "workspace", $"{m.Number}_{m.Name}");

    /// <summary>
    /// The activations to check. With a workspace (given, or found at the default place when
    /// <paramref name="detectDefault"/>), the learner's copy is compiled and graded; otherwise the library's.
    /// Returns null after printing ❌ when the copy does not compile.
    /// </summary>
    public static ActivationRegistry? Resolve(TitoEnvironment env, CourseModule m, string? workspace, bool detectDefault)
    {
        string? folder = workspace is not null ? Path.GetFullPath(workspace, env.WorkingDirectory)
            : detectDefault && Directory.Exists(DefaultWorkspace(env, m)) ? DefaultWorkspace(env, m)
            : null;
        if (folder is null)
        {
            return env.Activations;
        }

        if (m != ModuleCatalog.Activations)
        {
            throw new UserErrorException($"Module {m.Number} has no learner copy to grade; --workspace applies to 02.");
        }

        env.Out.MarkupLine($"🔨 Building your copy in {Markup.Escape(folder)}…");
        try
        {
            ActivationRegistry learner = LearnerActivations.From(LearnerBuild.Compile(folder));
            env.Out.MarkupLine("🎓 Grading your copy (not the library) with the module's checks.");
            env.Out.WriteLine();
            return learner;
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
    }
}
