using Tito.Modules;

namespace Tito.Checks;

/// <summary>What one grading run tells: a module's unit suites, then its integration suites.</summary>
/// <param name="Units">One suite per thing the learner builds.</param>
/// <param name="Integration">The scenarios that chain them (none for some modules).</param>
/// <param name="GoingFurther">Optional suites beyond the module (the activation family); none for most.</param>
internal sealed record ModuleSuites(IReadOnlyList<CheckSuite> Units, IReadOnlyList<CheckSuite> Integration, IReadOnlyList<CheckSuite> GoingFurther)
{
    /// <summary>The suites of <paramref name="module"/> over <paramref name="activations"/>.</summary>
    public static ModuleSuites Of(CourseModule module, ActivationRegistry activations) =>
        new(module.Units(activations), module.Integration(activations), module.GoingFurther?.Invoke(activations) ?? []);

    /// <summary>Every property in story order, units first: the numbering the grading worker and tito share.</summary>
    public IEnumerable<PropertyCheck> AllProperties() => Units.Concat(Integration).Concat(GoingFurther).SelectMany(s => s.Properties);
}
