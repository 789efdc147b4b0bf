using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels;

/// <summary>
/// Finds the lanes of a float result that may round to the wrong Half: those within a few float ULPs of a Half
/// midpoint (<see cref="HalfAdapter"/> says why). In float bits a Half midpoint is a value whose 13 low significand
/// bits (24 − 11) are exactly 0x1000, so the test is a mask and a compare per lane, 8 lanes at a time.
/// </summary>
internal static class HalfMidpoints
{
    /// <summary>
    /// How close to a Half midpoint, in float ULPs, a float result must be to be recomputed in float64. The float
    /// kernels are within 1.2 ULP forward (their XML docs: at most 1.191, GELU's exact form); the exhaustive Half tests
    /// pass with this margin.
    /// </summary>
    internal const int RiskyUlps = 4;

    /// <summary>
    /// The float backward kernels' error bound, c in c·2^-24·max(|truth|, |gradOutput|) (OperatorChecks'
    /// AssertBackwardWithin tests it): near a zero of f′ the result is a small difference of gradient-sized terms.
    /// </summary>
    internal const float BackwardGradientUlps = 4;

    private const uint HalfMidpointBits = 0x1000;        // bit 12: half of one Half ULP, in float significand bits
    private const uint DroppedBitsMask = 0x1FFF;         // the 13 bits a float loses on the way to Half
    private const uint SmallestNormalHalfBits = 0x3880_0000;   // 2^-14 as float bits

    /// <summary>
    /// The index of the first lane at or after <paramref name="from"/> whose float value lies within
    /// <see cref="RiskyUlps"/> float ULPs of a Half rounding boundary, or <c>y.Length</c> if there is none.
    /// </summary>
    internal static int NextRisky(ReadOnlySpan<float> y, int from)
    {
        int i = from;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(y);
            for (; i <= y.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                uint mask = RiskyMask(Vector256.LoadUnsafe(ref start, (nuint)i).AsUInt32());
                if (mask != 0)
                {
                    return i + System.Numerics.BitOperations.TrailingZeroCount(mask);
                }
            }
        }

        for (; i < y.Length; i++)
        {
            if (IsRisky(BitConverter.SingleToUInt32Bits(y[i])))
            {
                return i;
            }
        }

        return y.Length;
    }

    /// <summary>
    /// As <see cref="NextRisky(ReadOnlySpan{float}, int)"/> for a backward result y = g·f′: the float backward kernels
    /// are within <see cref="BackwardGradientUlps"/>·2^-24·|g| of the truth, not within a few ULPs of y (near a zero of
    /// f′, g·f′ is a difference of terms the size of g), so the window around each midpoint grows by that much.
    /// </summary>
    internal static int NextRisky(ReadOnlySpan<float> y, ReadOnlySpan<float> g, ReadOnlySpan<float> saved, int from, float zoneLow, float zoneHigh)
    {
        int i = from;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float ys = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(y);
            ref float gs = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(g);
            ref float ss = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(saved);
            Vector256<float> low = Vector256.Create(zoneLow), high = Vector256.Create(zoneHigh);
            for (; i <= y.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> s = Vector256.LoadUnsafe(ref ss, (nuint)i);
                Vector256<float> inZone = Vector256.GreaterThanOrEqual(s, low) & Vector256.LessThanOrEqual(s, high);
                uint mask = RiskyMask(Vector256.LoadUnsafe(ref ys, (nuint)i).AsUInt32(), Vector256.LoadUnsafe(ref gs, (nuint)i) & inZone);
                if (mask != 0)
                {
                    return i + System.Numerics.BitOperations.TrailingZeroCount(mask);
                }
            }
        }

        for (; i < y.Length; i++)
        {
            bool inZone = saved[i] >= zoneLow && saved[i] <= zoneHigh;
            if (IsRisky(BitConverter.SingleToUInt32Bits(y[i]), inZone ? g[i] : 0f))
            {
                return i;
            }
        }

        return y.Length;
    }

    /// <summary>Whether the backward result with these bits, for gradient g (0 outside the zone), may round to the wrong Half.</summary>
    internal static bool IsRisky(uint bits, float g) => IsRisky(bits, g, RiskyUlps);

    /// <summary>
    /// <see cref="IsRisky(uint, float)"/> with a wider base window: for results within more than a couple of float
    /// ULPs (the gated units' composed forms and backward products).
    /// </summary>
    /// <param name="bits">The float result's bits.</param>
    /// <param name="g">The size of the terms the result is a difference of (0 where it is not one).</param>
    /// <param name="riskyUlps">The float ULPs of the result's own error, on each side of a midpoint.</param>
    /// <returns>Whether to recompute the result in float64.</returns>
    internal static bool IsRisky(uint bits, float g, float riskyUlps)
    {
        uint abs = Shifted(bits & 0x7FFF_FFFF);
        float distance = Math.Abs((float)(int)(abs & DroppedBitsMask) - HalfMidpointBits);   // in float ULPs of y
        float power = BitConverter.UInt32BitsToSingle(abs & 0x7F80_0000);                   // 2^e, so ULP(y) = 2^(e−23)
        return distance <= riskyUlps + (BackwardGradientUlps / 2 * Math.Abs(g) / power);      // c·2^-24·|g| / 2^(e−23)
    }

    /// <summary>Whether the float with these bits may round to the wrong Half (see the remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsRisky(uint bits)
    {
        uint abs = Shifted(bits & 0x7FFF_FFFF);
        return ((abs - HalfMidpointBits + RiskyUlps) & DroppedBitsMask) <= 2 * RiskyUlps;
    }

    /// <summary>|y| + 2^-14 for |y| below 2^-14: Half's subnormal grid, moved to [2^-14, 2^-13), which has the same spacing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Shifted(uint abs) => abs < SmallestNormalHalfBits
        ? BitConverter.SingleToUInt32Bits(BitConverter.UInt32BitsToSingle(abs) + BitConverter.UInt32BitsToSingle(SmallestNormalHalfBits))
        : abs;

    /// <summary>The lanes of y that may round wrong, the window widened by |g| (g is 0 in lanes outside the zone).</summary>
    private static uint RiskyMask(Vector256<uint> bits, Vector256<float> g)
    {
        Vector256<uint> abs = Shifted(bits & Vector256.Create(0x7FFF_FFFFu));
        Vector256<float> distance = Vector256.Abs(Vector256.ConvertToSingle((abs & Vector256.Create(DroppedBitsMask)).AsInt32()) - Vector256.Create((float)HalfMidpointBits));
        Vector256<float> power = (abs & Vector256.Create(0x7F80_0000u)).AsSingle();
        Vector256<float> window = Vector256.Create((float)RiskyUlps) + (Vector256.Create(BackwardGradientUlps / 2f) * Vector256.Abs(g) / power);
        return Vector256.LessThanOrEqual(distance, window).ExtractMostSignificantBits();
    }

    private static Vector256<uint> Shifted(Vector256<uint> abs)
    {
        Vector256<uint> small = Vector256.LessThan(abs, Vector256.Create(SmallestNormalHalfBits));
        Vector256<uint> shifted = (abs.AsSingle() + Vector256.Create(SmallestNormalHalfBits).AsSingle()).AsUInt32();
        return Vector256.ConditionalSelect(small, shifted, abs);
    }

    private static uint RiskyMask(Vector256<uint> bits)
    {
        Vector256<uint> abs = Shifted(bits & Vector256.Create(0x7FFF_FFFFu));
        Vector256<uint> offset = (abs - Vector256.Create(HalfMidpointBits - RiskyUlps)) & Vector256.Create(DroppedBitsMask);
        return Vector256.LessThanOrEqual(offset, Vector256.Create((uint)(2 * RiskyUlps))).ExtractMostSignificantBits();
    }
}
