namespace Tito.Bench;

/// <summary>One measured row of the cost table.</summary>
/// <param name="Name">The function.</param>
/// <param name="Quoted">TinyTorch's quoted relative cost, or empty.</param>
/// <param name="Seconds">Median wall time of one call over all elements.</param>
/// <param name="Elements">Elements per call.</param>
internal sealed record BenchResult(string Name, string Quoted, double Seconds, int Elements)
{
    /// <summary>Nanoseconds per element.</summary>
    public double NanosecondsPerElement => Seconds * 1e9 / Elements;

    /// <summary>Memory traffic per second: each element is read once and written once, 4 bytes each way.</summary>
    public double GigabytesPerSecond => 8.0 * Elements / Seconds / 1e9;
}
