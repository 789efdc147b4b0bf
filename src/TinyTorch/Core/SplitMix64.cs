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
    // The golden-ratio increment of the Weyl sequence, ⌊2^64/φ⌋ made odd.
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private ulong _state = seed;

    /// <summary>
    /// The generator <c>new SplitMix64(seed)</c> becomes after <paramref name="draws"/> draws, in one step: the state is
    /// a Weyl sequence, seed + draws·γ (mod 2^64). So draw i of a stream can be made on any thread without the ones
    /// before it, and a parallel loop gives the numbers a sequential one would.
    /// </summary>
    /// <param name="seed">The seed of the stream.</param>
    /// <param name="draws">How many draws to skip.</param>
    /// <returns>A generator whose next draw is draw number <paramref name="draws"/> (from 0) of the stream.</returns>
    public static SplitMix64 After(ulong seed, ulong draws) => new(unchecked(seed + (draws * Gamma)));

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        // A Weyl sequence (adding the odd constant ⌊2^64/φ⌋) scrambled by a bijective mixing function.
        ulong z = _state += Gamma;
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
