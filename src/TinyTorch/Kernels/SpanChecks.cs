namespace TinyTorch.Kernels;

/// <summary>The argument checks every span kernel makes before touching memory.</summary>
internal static class SpanChecks
{
    /// <summary>
    /// The destination must be at least as long as the input, and the two may share memory only by being
    /// the very same span (in place): a partial overlap would read values the kernel has already replaced.
    /// </summary>
    public static void Destination(ReadOnlySpan<float> input, Span<float> destination, string inputName, string destinationName = "destination")
    {
        if (destination.Length < input.Length)
        {
            throw new ArgumentException(
                $"Destination is too short: {destinationName} has {destination.Length} elements but {inputName} has {input.Length}.",
                destinationName);
        }

        if (input.Overlaps(destination, out int offset) && offset != 0)
        {
            throw new ArgumentException(
                $"{destinationName} partially overlaps {inputName} (offset {offset} elements); they must be the same span (in place) or not overlap at all.",
                destinationName);
        }
    }

    /// <summary>Two inputs of a backward kernel must have the same length.</summary>
    public static void SameLength(ReadOnlySpan<float> a, ReadOnlySpan<float> b, string aName, string bName)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException(
                $"Length mismatch: {aName} has {a.Length} elements but {bName} has {b.Length}.", bName);
        }
    }
}
