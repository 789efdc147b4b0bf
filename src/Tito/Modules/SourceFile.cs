namespace Tito.Modules;

/// <summary>One reference source file: its name (no folder) and its text.</summary>
/// <param name="Name">The file name, "SigmoidMath.cs".</param>
/// <param name="Text">The whole file, solutions included.</param>
internal sealed record SourceFile(string Name, string Text);
