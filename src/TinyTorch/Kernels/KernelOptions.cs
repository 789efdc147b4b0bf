namespace TinyTorch.Kernels;

/// <summary>Process-wide settings of the kernels, like <c>torch.set_num_threads</c>.</summary>
public static class KernelOptions
{
    private static int s_maxDegreeOfParallelism = Environment.ProcessorCount;

    /// <summary>
    /// The most threads one kernel call may use: the processor count by default, 1 for single-threaded.
    /// Results are bit-identical whatever the value: each element (or softmax slice) is computed by one
    /// thread with the same code.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int MaxDegreeOfParallelism
    {
        get => Volatile.Read(ref s_maxDegreeOfParallelism);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref s_maxDegreeOfParallelism, value);
        }
    }
}
