using System.Globalization;

namespace Tito.Bench;

/// <summary>
/// Where <c>tito bench</c> gets its two float buffers, and how much memory it may ask for. The real process
/// by default; a test swaps in a small machine or an allocation that fails, so the out-of-memory paths are
/// exercised without allocating gigabytes.
/// </summary>
internal sealed class BenchMemory
{
    /// <summary>The running process: the GC's view of the memory it may use, and plain array allocation.</summary>
    public static BenchMemory Process { get; } = new();

    /// <summary>Bytes of memory the process may use (physical memory, or the container's limit).</summary>
    public Func<long> AvailableBytes { get; init; } = () => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Allocates one buffer of the given number of floats.</summary>
    public Func<int, float[]> Allocate { get; init; } = n => new float[n];

    /// <summary>Bytes the input and output buffers of <paramref name="elements"/> floats take together.</summary>
    public static long BuffersBytes(int elements) => 2L * elements * sizeof(float);

    /// <summary>
    /// Refuses, before allocating, a run whose buffers would take more than half the memory available: the
    /// allocation might succeed, but filling it would swap (timing the disk, not the kernels) or get the process
    /// killed without a word. Half is a judgement that leaves room for the runtime and everything else running.
    /// </summary>
    /// <exception cref="UserErrorException">The buffers do not fit.</exception>
    public void EnsureFits(int elements)
    {
        long needed = BuffersBytes(elements), available = AvailableBytes();
        if (available > 0 && needed > available / 2)
        {
            long fits = available / 2 / (2 * sizeof(float));
            throw new UserErrorException(
                $"this --size needs {Bytes(needed)} ({N(needed)} bytes: two buffers of {N(elements)} floats), more than half of the " +
                $"{Bytes(available)} this machine has; use a smaller --size, at most {N(Math.Min(fits, int.MaxValue))} here (the default is 8,388,608).");
        }
    }

    /// <summary>
    /// One buffer of <paramref name="elements"/> floats; running out of memory here becomes a user error that
    /// names the size, since the fix (a smaller --size) is the user's to make.
    /// </summary>
    /// <exception cref="UserErrorException">The allocation failed.</exception>
    public float[] Buffer(int elements)
    {
        try
        {
            return Allocate(elements);
        }
        catch (OutOfMemoryException)
        {
            throw new UserErrorException(
                $"ran out of memory allocating {Bytes(BuffersBytes(elements))} ({N(BuffersBytes(elements))} bytes: two buffers of {N(elements)} floats) " +
                "for --size; use a smaller --size (the default is 8,388,608; --quick uses 1,048,576).");
        }
    }

    /// <summary>A byte count in binary units for a message: "16 GiB", "512 MiB".</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
        _ => $"{bytes} bytes",
    };

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
