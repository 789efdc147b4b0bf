using System.Buffers;
using System.Numerics.Tensors;

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
/// <see cref="HalfMidpoints.RiskyUlps"/> float ULPs of a midpoint is recomputed from the Half input in float64 and rounded once,
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

    /// <summary>A forward's float64 truth at one input, with up to two parameters.</summary>
    internal delegate double UnaryReference(double x, double p, double q);

    /// <summary>A backward's float64 truth at one (gradOutput, saved) pair, with up to two parameters.</summary>
    internal delegate double BinaryReference(double gradOutput, double saved, double p, double q);

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
    /// −1.5). There a result is only within <see cref="HalfMidpoints.BackwardGradientUlps"/>·2^-24·|g| of the truth, so the fix-up
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
            for (int i = HalfMidpoints.NextRisky(y, 0); i < n; i = HalfMidpoints.NextRisky(y, i + 1))
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
        zone ? HalfMidpoints.NextRisky(y, g, s, from, low, high) : HalfMidpoints.NextRisky(y, from);

    private static int Chunks(int length) => (length + ChunkLength - 1) / ChunkLength;

    private static (int Start, int Count) Range(int length, int firstChunk, int endChunk)
    {
        int start = firstChunk * ChunkLength;
        int end = (int)Math.Min(length, (long)endChunk * ChunkLength);
        return (start, end - start);
    }
}
