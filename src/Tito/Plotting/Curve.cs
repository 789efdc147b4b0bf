namespace Tito.Plotting;

/// <summary>One function to draw: its name, its colours, and how to evaluate it over many x at once.</summary>
/// <param name="Name">The command-line name ("gelu-exact").</param>
/// <param name="Label">The legend label.</param>
/// <param name="TerminalColor">A Spectre colour name.</param>
/// <param name="SvgColor">A CSS colour.</param>
/// <param name="Evaluate">y for every x, through the library.</param>
internal sealed record Curve(string Name, string Label, string TerminalColor, string SvgColor, Func<float[], float[]> Evaluate);
