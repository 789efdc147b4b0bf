using Tito.Checks;

namespace Tito.Modules;

/// <summary>One module of the course as tito knows it: its number, names, checks, and what it leads to.</summary>
/// <param name="Number">Two digits, "01".</param>
/// <param name="Name">The short name used on the command line, "activations".</param>
/// <param name="Title">The display title, "Activations".</param>
/// <param name="Units">The unit suites, one per thing the learner builds.</param>
/// <param name="Integration">The integration suites, run after the units.</param>
/// <param name="Built">What a learner who completes it has built, one line each.</param>
/// <param name="Next">What comes next.</param>
/// <param name="GoingFurther">Optional suites beyond the module's requirements (the activation family), reported apart.</param>
internal sealed record CourseModule(
    string Number,
    string Name,
    string Title,
    Func<ActivationRegistry, IReadOnlyList<CheckSuite>> Units,
    Func<ActivationRegistry, IReadOnlyList<CheckSuite>> Integration,
    IReadOnlyList<string> Built,
    string Next,
    Func<ActivationRegistry, IReadOnlyList<CheckSuite>>? GoingFurther = null);
