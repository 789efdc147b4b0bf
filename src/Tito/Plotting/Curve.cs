namespace Tito.Plotting;

/// <summary>One function to draw: its name, its colours, and how to evaluate it over many x at once.</summary>
/// <param name="Name">The command-line name ("gelu-exact").</param>
/// <param name="Label">The legend label.</param>
/// <param name="TerminalColor">A Spectre colour name.</param>
/// <param name="SvgColor">A CSS colour.</param>
/// <param name="Evaluate">y for every x, through the library.</param>
/// <param name="SvgDash">An SVG dash pattern, for curves that lie on top of another (softmax([x, 0])₀ is σ(x)).</param>
internal sealed record Curve(string Name, string Label, string TerminalColor, string SvgColor, Func<float[], float[]> Evaluate, string? SvgDash = null);
