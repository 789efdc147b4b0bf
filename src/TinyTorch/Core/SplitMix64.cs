namespace TinyTorch.Core;

/// <summary>
/// A small, fast, seedable generator: SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom
/// number generators", OOPSLA 2014; constants as in Vigna's reference splitmix64.c).
/// </summary>
/// <remarks>
/// The library carries its own generator so that a seed means the same numbers on every .NET version and
/// platform: <see cref="Random"/>'s sequence for a seed is an implementation detail that is free to change.
/// SplitMix64 passes BigCrush, which is far more than initializing weights and writing tests need.
/// </remarks>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        // A Weyl sequence (adding the odd constant ⌊2^64/φ⌋) scrambled by a bijective mixing function.
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A float uniform in [0, 1): one of the 2^24 multiples of 2^-24, all equally likely.</summary>
    // NOTE: (float)NextDouble() would round values just below 1 up to exactly 1.0f; 24 bits scaled by
    // 2^-24 are exact floats, and the largest is 1 − 2^-24.
    public float NextSingle() => (Next() >> 40) * (1.0f / (1 << 24));

    /// <summary>A double uniform in [0, 1), a multiple of 2^-53.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
