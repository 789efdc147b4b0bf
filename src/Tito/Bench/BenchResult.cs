namespace Tito.Bench;

/// <summary>One measured row of the cost table.</summary>
/// <param name="Name">The function.</param>
/// <param name="Quoted">TinyTorch's quoted relative cost, or empty.</param>
/// <param name="Seconds">Median wall time of one call over all elements.</param>
/// <param name="Elements">Elements per call.</param>
internal sealed record BenchResult(string Name, string Quoted, double Seconds, int Elements)
{
    /// <summary>Whether the clock saw the call take any time; a call faster than its tick measures 0 s.</summary>
    public bool Timed => Seconds > 0 && double.IsFinite(Seconds);

    /// <summary>Nanoseconds per element (NaN when the call was not <see cref="Timed"/>: 0 ns would be a false figure).</summary>
    public double NanosecondsPerElement => Timed ? Seconds * 1e9 / Elements : double.NaN;

    /// <summary>Memory traffic per second: each element is read once and written once, 4 bytes each way (NaN when not timed).</summary>
    public double GigabytesPerSecond => Timed ? 8.0 * Elements / Seconds / 1e9 : double.NaN;

    /// <summary>How many times faster this call ran than <paramref name="other"/> (NaN when either was not timed).</summary>
    public double SpeedRelativeTo(BenchResult other) => Timed && other.Timed ? other.Seconds / Seconds : double.NaN;
}
