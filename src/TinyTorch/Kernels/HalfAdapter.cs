using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels;

/// <summary>
/// Runs a float32 operator over <see cref="Half"/> spans, correctly rounded: every Half kernel is this adapter around
/// the float kernel's own operator plus a float64 formula for the rare lanes where rounding the float result to Half
/// could go the wrong way.
/// </summary>
/// <remarks>
/// <para>
/// Each thread takes contiguous chunks of <see cref="ChunkLength"/> elements: it widens a chunk to float on the stack
/// (TensorPrimitives.ConvertToSingle), runs the float operator over it with the shared vectorized loop, and narrows
/// the result (TensorPrimitives.ConvertToHalf). No allocation on one thread; the split across threads is the float
/// kernels' own (<see cref="ParallelRunner"/>), so a Half call uses as many cores as the float call of its length.
/// </para>
/// <para>
/// NOTE: the trap is double rounding. The float result f is within about one float ULP of the truth t, not equal to
/// it; rounding f to Half gives the Half nearest t unless a Half rounding boundary (a midpoint between two
/// neighbouring Halfs, exactly representable in float) lies between t and f. So every lane whose f lies within
/// <see cref="RiskyUlps"/> float ULPs of a midpoint is recomputed from the Half input in float64 and rounded once,
/// (Half)double being correctly rounded. In float bits a Half midpoint is a value whose 13 low significand bits
/// (24 − 11) are exactly 0x1000, so the test is a mask and a compare per lane, vectorized; about 2·4/8192 of
/// random lanes (0.1 %) take the float64 path. Half's subnormals (below 2^-14, spaced 2^-24) are shifted into the
/// binade [2^-14, 2^-13), which has the same spacing, by adding 2^-14 first.
/// </para>
/// </remarks>
internal static unsafe class HalfAdapter
{
    /// <summary>Elements per chunk: two or three float buffers of 4 KiB on the stack, well inside L1.</summary>
    internal const int ChunkLength = 1024;

    /// <summary>
    /// How close to a Half midpoint, in float ULPs, a float result must be to be recomputed in float64. The float
    /// kernels are within 1.2 ULP forward (docs/performance.md); the exhaustive Half tests pass with this margin.
    /// </summary>
    internal const int RiskyUlps = 4;

    /// <summary>
    /// The float backward kernels' error bound, c in c·2^-24·max(|truth|, |gradOutput|) (OperatorChecks'
    /// AssertBackwardWithin tests it): near a zero of f′ the result is a small difference of gradient-sized terms.
    /// </summary>
    internal const float BackwardGradientUlps = 4;

    /// <summary>A forward's float64 truth at one input, with up to two parameters.</summary>
    internal delegate double UnaryReference(double x, double p, double q);

    /// <summary>A backward's float64 truth at one (gradOutput, saved) pair, with up to two parameters.</summary>
    internal delegate double BinaryReference(double gradOutput, double saved, double p, double q);

    private const uint HalfMidpointBits = 0x1000;        // bit 12: half of one Half ULP, in float significand bits
    private const uint DroppedBitsMask = 0x1FFF;         // the 13 bits a float loses on the way to Half
    private const uint SmallestNormalHalfBits = 0x3880_0000;   // 2^-14 as float bits

    /// <summary>destination[i] = Half(f(x[i])) for the float operator f, correctly rounded.</summary>
    public static void Unary<TOp>(in TOp op, ReadOnlySpan<Half> x, Span<Half> destination, UnaryReference reference, double p = 0, double q = 0)
        where TOp : struct, IUnaryOperator
    {
        SpanChecks.Destination(x, destination, nameof(x));
        destination = destination[..x.Length];
        if (ParallelRunner.ThreadsFor(ParallelRunner.Work(x.Length, TOp.Unroll)) <= 1)
        {
            UnaryRange(in op, x, destination, reference, p, q);
            return;
        }

        UnaryOnThreads(in op, x, destination, reference, p, q);
    }

    /// <summary>destination[i] = Half(f(saved[i], gradOutput[i])) for the float backward operator f, correctly rounded.</summary>
    /// <remarks>
    /// [<paramref name="zoneLow"/>, <paramref name="zoneHigh"/>]: the saved values around a zero of f′ where the float
    /// operator computes f′ as a difference of terms the size of 1 (GELU near −0.75, SiLU −1.28, Mish −1.19, Hardswish
    /// −1.5). There a result is only within <see cref="BackwardGradientUlps"/>·2^-24·|g| of the truth, so the fix-up
    /// window grows to that; everywhere else (and for every other operator: NaN bounds, no zone) the few-ULP window
    /// stays. A zone-wide window everywhere would send every exact 0 (half of ReLU's results) and every lane of a
    /// tail, where f′ is tiny but accurate, down the float64 path: GELU's backward ran at 17 ns/element that way.
    /// The exhaustive Half tests decide the zones.
    /// </remarks>
    public static void Backward<TOp>(
        in TOp op, ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> saved, Span<Half> destination, string savedName, BinaryReference reference,
        double p = 0, double q = 0, float zoneLow = float.NaN, float zoneHigh = float.NaN)
        where TOp : struct, IBinaryOperator
    {
        CheckBackward(gradOutput, saved, destination, savedName);
        destination = destination[..saved.Length];
        if (ParallelRunner.ThreadsFor(ParallelRunner.Work(saved.Length, TOp.Unroll)) <= 1)
        {
            BinaryRange(in op, gradOutput, saved, destination, reference, p, q, zoneLow, zoneHigh);
            return;
        }

        BinaryOnThreads(in op, gradOutput, saved, destination, reference, p, q, zoneLow, zoneHigh);
    }

    /// <summary>A Half backward's spans: the same length, and a destination long enough that overlaps neither partially.</summary>
    internal static void CheckBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> saved, Span<Half> destination, string savedName)
    {
        SpanChecks.SameLength(gradOutput, saved, nameof(gradOutput), savedName);
        SpanChecks.Destination(gradOutput, destination, nameof(gradOutput));
        SpanChecks.Destination(saved, destination, savedName);
    }

    /// <summary>Widens <paramref name="x"/> into a pooled float array (for the kernels that are not per element).</summary>
    internal static float[] RentWidened(ReadOnlySpan<Half> x)
    {
        float[] buffer = ArrayPool<float>.Shared.Rent(Math.Max(x.Length, 1));
        TensorPrimitives.ConvertToSingle(x, buffer.AsSpan(0, x.Length));
        return buffer;
    }

    /// <summary>Returns a buffer from <see cref="RentWidened"/> or <see cref="ArrayPool{T}.Rent"/>.</summary>
    internal static void Return(float[] buffer) => ArrayPool<float>.Shared.Return(buffer);

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
    internal static bool IsRisky(uint bits, float g)
    {
        uint abs = Shifted(bits & 0x7FFF_FFFF);
        float distance = Math.Abs((float)(int)(abs & DroppedBitsMask) - HalfMidpointBits);   // in float ULPs of y
        float power = BitConverter.UInt32BitsToSingle(abs & 0x7F80_0000);                   // 2^e, so ULP(y) = 2^(e−23)
        return distance <= RiskyUlps + (BackwardGradientUlps / 2 * Math.Abs(g) / power);      // c·2^-24·|g| / 2^(e−23)
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

    private static void UnaryRange<TOp>(in TOp op, ReadOnlySpan<Half> x, Span<Half> destination, UnaryReference reference, double p, double q)
        where TOp : struct, IUnaryOperator
    {
        Span<float> input = stackalloc float[ChunkLength];
        Span<float> output = stackalloc float[ChunkLength];
        for (int start = 0; start < x.Length; start += ChunkLength)
        {
            int n = Math.Min(ChunkLength, x.Length - start);
            Span<float> a = input[..n], y = output[..n];
            TensorPrimitives.ConvertToSingle(x.Slice(start, n), a);
            ElementwiseLoop.Unary(in op, a, y, nonTemporal: false);
            Span<Half> d = destination.Slice(start, n);   // may be x's chunk: a holds the input from here on
            TensorPrimitives.ConvertToHalf(y, d);
            for (int i = NextRisky(y, 0); i < n; i = NextRisky(y, i + 1))
            {
                d[i] = (Half)reference(a[i], p, q);
            }
        }
    }

    private static void BinaryRange<TOp>(
        in TOp op, ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> saved, Span<Half> destination, BinaryReference reference, double p, double q, float zoneLow, float zoneHigh)
        where TOp : struct, IBinaryOperator
    {
        bool zone = !float.IsNaN(zoneLow);
        Span<float> grads = stackalloc float[ChunkLength];
        Span<float> saves = stackalloc float[ChunkLength];
        Span<float> output = stackalloc float[ChunkLength];
        for (int start = 0; start < saved.Length; start += ChunkLength)
        {
            int n = Math.Min(ChunkLength, saved.Length - start);
            Span<float> g = grads[..n], s = saves[..n], y = output[..n];
            TensorPrimitives.ConvertToSingle(gradOutput.Slice(start, n), g);
            TensorPrimitives.ConvertToSingle(saved.Slice(start, n), s);
            ElementwiseLoop.Binary(in op, s, g, y, nonTemporal: false);   // NOTE: operators take (saved, gradOutput)
            Span<Half> d = destination.Slice(start, n);
            TensorPrimitives.ConvertToHalf(y, d);
            for (int i = Next(y, g, s, 0, zone, zoneLow, zoneHigh); i < n; i = Next(y, g, s, i + 1, zone, zoneLow, zoneHigh))
            {
                d[i] = (Half)reference(g[i], s[i], p, q);
            }
        }
    }

    // NOTE: the threaded halves live in their own methods, as in ParallelRunner: a lambda capturing a method's locals
    // makes the compiler allocate its closure on entry, so a single-threaded call would pay for it too.
    private static void UnaryOnThreads<TOp>(in TOp op, ReadOnlySpan<Half> x, Span<Half> destination, UnaryReference reference, double p, double q)
        where TOp : struct, IUnaryOperator
    {
        fixed (Half* px = x, pd = destination)
        {
            nint xs = (nint)px, ds = (nint)pd;
            int n = x.Length;
            TOp body = op;   // an in parameter cannot be captured
            ParallelRunner.ForRanges(Chunks(n), ParallelRunner.Work(ChunkLength, TOp.Unroll), (first, end) =>
            {
                (int start, int count) = Range(n, first, end);
                UnaryRange(in body, new ReadOnlySpan<Half>((Half*)xs + start, count), new Span<Half>((Half*)ds + start, count), reference, p, q);
            });
        }
    }

    private static void BinaryOnThreads<TOp>(
        in TOp op, ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> saved, Span<Half> destination, BinaryReference reference, double p, double q, float zoneLow, float zoneHigh)
        where TOp : struct, IBinaryOperator
    {
        fixed (Half* pg = gradOutput, ps = saved, pd = destination)
        {
            nint gs = (nint)pg, ss = (nint)ps, ds = (nint)pd;
            int n = saved.Length;
            TOp body = op;
            ParallelRunner.ForRanges(Chunks(n), ParallelRunner.Work(ChunkLength, TOp.Unroll), (first, end) =>
            {
                (int start, int count) = Range(n, first, end);
                BinaryRange(in body,
                    new ReadOnlySpan<Half>((Half*)gs + start, count),
                    new ReadOnlySpan<Half>((Half*)ss + start, count),
                    new Span<Half>((Half*)ds + start, count),
                    reference, p, q, zoneLow, zoneHigh);
            });
        }
    }

    private static int Next(ReadOnlySpan<float> y, ReadOnlySpan<float> g, ReadOnlySpan<float> s, int from, bool zone, float low, float high) =>
        zone ? NextRisky(y, g, s, from, low, high) : NextRisky(y, from);

    private static int Chunks(int length) => (length + ChunkLength - 1) / ChunkLength;

    private static (int Start, int Count) Range(int length, int firstChunk, int endChunk)
    {
        int start = firstChunk * ChunkLength;
        int end = (int)Math.Min(length, (long)endChunk * ChunkLength);
        return (start, end - start);
    }
}
