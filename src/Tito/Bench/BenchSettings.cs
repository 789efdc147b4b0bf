namespace Tito.Bench;

/// <summary>What <c>tito bench</c> measures and how hard: element count, threads, warmups, repeats, softmax row.</summary>
/// <param name="Size">Elements per call (rounded down to whole softmax rows).</param>
/// <param name="Threads">KernelOptions.MaxDegreeOfParallelism during the run.</param>
/// <param name="Warmups">Untimed calls first (JIT tiering, page faults, caches).</param>
/// <param name="Repeats">Timed calls; the median is reported.</param>
/// <param name="RowLength">Softmax row length (the layer width).</param>
internal sealed record BenchSettings(int Size, int Threads, int Warmups, int Repeats, int RowLength);
