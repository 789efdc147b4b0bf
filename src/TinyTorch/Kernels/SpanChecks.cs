using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TinyTorch.Kernels;

/// <summary>The argument checks every span kernel makes before touching memory.</summary>
internal static class SpanChecks
{
    /// <summary>
    /// The destination must be at least as long as the input, and the two may share memory only by being
    /// the very same span (in place): a partial overlap would read values the kernel has already replaced.
    /// </summary>
    public static void Destination<T>(ReadOnlySpan<T> input, Span<T> destination, string inputName, string destinationName = "destination")
        where T : unmanaged
    {
        if (destination.Length < input.Length)
        {
            throw new ArgumentException(
                $"Destination is too short: {destinationName} has {destination.Length} elements but {inputName} has {input.Length}.",
                destinationName);
        }

        long offset = OverlapOffsetInBytes(input, destination);
        if (offset != 0)
        {
            string where = offset % Unsafe.SizeOf<T>() == 0
                ? $"offset {offset / Unsafe.SizeOf<T>()} elements"
                : $"offset {offset} bytes, not even a whole number of elements";
            throw new ArgumentException(
                $"{destinationName} partially overlaps {inputName} ({where}); they must be the same span (in place) or not overlap at all.",
                destinationName);
        }
    }

    /// <summary>
    /// The destination must share no memory at all with the input, not even by being the same span: for kernels whose
    /// output has another shape than their input (the gated units' halves), where in place has no meaning.
    /// </summary>
    public static void Disjoint<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> destination, string inputName, string destinationName = "destination")
        where T : unmanaged
    {
        if (input.Overlaps(destination))
        {
            throw new ArgumentException(
                $"{destinationName} overlaps {inputName}; this kernel's output has another shape than its input, so they must not share memory.",
                destinationName);
        }
    }

    /// <summary>Two inputs of a backward kernel must have the same length.</summary>
    public static void SameLength<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, string aName, string bName)
        where T : unmanaged
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException(
                $"Length mismatch: {aName} has {a.Length} elements but {bName} has {b.Length}.", bName);
        }
    }

    /// <summary>
    /// Where <paramref name="destination"/> starts relative to <paramref name="input"/>, in bytes, when their memory
    /// overlaps; 0 when they start at the same address or do not overlap at all.
    /// </summary>
    /// <remarks>
    /// NOTE: not <c>Span.Overlaps(other, out int elementOffset)</c>: it throws its own ArgumentException, naming
    /// neither span, when the spans overlap at a byte offset that is not a multiple of 4 (spans cast from bytes with
    /// MemoryMarshal.Cast can). Computing from the two addresses reports every overlap with our message.
    /// </remarks>
    private static long OverlapOffsetInBytes<T>(ReadOnlySpan<T> input, Span<T> destination)
        where T : unmanaged
    {
        if (input.IsEmpty || destination.IsEmpty)
        {
            return 0;
        }

        long offset = Unsafe.ByteOffset(ref MemoryMarshal.GetReference(input), ref MemoryMarshal.GetReference(destination));
        bool overlaps = offset < (long)input.Length * Unsafe.SizeOf<T>() && -offset < (long)destination.Length * Unsafe.SizeOf<T>();
        return overlaps ? offset : 0;
    }
}
