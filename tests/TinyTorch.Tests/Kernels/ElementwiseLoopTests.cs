using System.Runtime.Intrinsics;
using TinyTorch.Kernels;

namespace TinyTorch.Tests.Kernels;

/// <summary>
/// The shared loop at every length from 0 to 256, for each width called directly, unrolled (light operators) and
/// one vector at a time (heavy ones), with regular and with streaming stores, out of place and in place, at every start address modulo 64 bytes (so the
/// loop's alignment gap takes every value). The marking operators make a missed, repeated or stray write
/// visible: every element must hold exactly f(its input), and the guard cells around the output must be untouched.
/// </summary>
public class ElementwiseLoopTests
{
    private const int MaxLength = 256;
    private const int Offsets = 16;
    private const int Pad = 32;
    private const float Guard = -7f;   // the inputs are positive, so no f(input) is negative

    public static TheoryData<int, bool, bool> WidthsAndModes
    {
        get
        {
            var data = new TheoryData<int, bool, bool>();
            foreach (int width in new[] { 128, 256, 512 })
            {
                foreach (bool nonTemporal in new[] { false, true })
                {
                    data.Add(width, nonTemporal, false);
                    data.Add(width, nonTemporal, true);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(WidthsAndModes))]
    public void Unary_out_of_place_writes_each_element_once(int width, bool nonTemporal, bool heavy)
    {
        for (int offset = 0; offset < Offsets; offset++)
        {
            for (int n = 0; n <= MaxLength; n++)
            {
                float[] x = Inputs(n, 0);
                float[] y = Guarded(n);
                Unary(width, heavy, x, y.AsSpan(offset, n), nonTemporal);
                AssertResult(y, offset, n, i => default(MarkingOperator).Invoke(x[i]), $"width {width}, n {n}, offset {offset}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(WidthsAndModes))]
    public void Unary_in_place_computes_each_element_from_its_original_value(int width, bool nonTemporal, bool heavy)
    {
        for (int offset = 0; offset < Offsets; offset++)
        {
            for (int n = 0; n <= MaxLength; n++)
            {
                float[] x = Inputs(n, 0);
                float[] z = Guarded(n);
                x.CopyTo(z, offset);
                Span<float> inPlace = z.AsSpan(offset, n);
                Unary(width, heavy, inPlace, inPlace, nonTemporal);
                AssertResult(z, offset, n, i => default(MarkingOperator).Invoke(x[i]), $"width {width}, n {n}, offset {offset}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(WidthsAndModes))]
    public void Binary_out_of_place_and_in_place_over_either_input(int width, bool nonTemporal, bool heavy)
    {
        for (int offset = 0; offset < Offsets; offset++)
        {
            for (int n = 0; n <= MaxLength; n++)
            {
                float[] a = Inputs(n, 0), b = Inputs(n, 3);
                string where = $"width {width}, n {n}, offset {offset}";
                float Expected(int i) => default(MarkingBinaryOperator).Invoke(a[i], b[i]);

                float[] z = Guarded(n);
                Binary(width, heavy, a, b, z.AsSpan(offset, n), nonTemporal);
                AssertResult(z, offset, n, Expected, where + ", out of place");

                float[] overA = Guarded(n);
                a.CopyTo(overA, offset);
                Binary(width, heavy, overA.AsSpan(offset, n), b, overA.AsSpan(offset, n), nonTemporal);
                AssertResult(overA, offset, n, Expected, where + ", in place over a");

                float[] overB = Guarded(n);
                b.CopyTo(overB, offset);
                Binary(width, heavy, a, overB.AsSpan(offset, n), overB.AsSpan(offset, n), nonTemporal);
                AssertResult(overB, offset, n, Expected, where + ", in place over b");
            }
        }
    }

    [Fact]
    public void The_dispatching_entry_points_handle_every_length_in_and_out_of_place()
    {
        for (int n = 0; n <= MaxLength; n++)
        {
            float[] x = Inputs(n, 0), g = Inputs(n, 5);
            float[] y = Guarded(n);
            ElementwiseLoop.Unary<MarkingOperator>(default(MarkingOperator), x, y.AsSpan(1, n));
            AssertResult(y, 1, n, i => default(MarkingOperator).Invoke(x[i]), $"unary, n {n}");

            float[] z = Guarded(n);
            x.CopyTo(z, 1);
            ElementwiseLoop.Binary<MarkingBinaryOperator>(default(MarkingBinaryOperator), z.AsSpan(1, n), g, z.AsSpan(1, n));
            AssertResult(z, 1, n, i => default(MarkingBinaryOperator).Invoke(x[i], g[i]), $"binary in place, n {n}");
        }
    }

    [Fact]
    public void Streaming_stores_are_chosen_only_for_light_operators_out_of_place_and_from_the_size_threshold()
    {
        long atThreshold = ElementwiseLoop.NonTemporalMinBytes / sizeof(float);
        Assert.True(ElementwiseLoop.UseNonTemporal(atThreshold, inPlace: false, light: true));
        Assert.False(ElementwiseLoop.UseNonTemporal(atThreshold - 1, inPlace: false, light: true));
        Assert.False(ElementwiseLoop.UseNonTemporal(atThreshold * 4, inPlace: true, light: true));
        Assert.False(ElementwiseLoop.UseNonTemporal(4_096, inPlace: false, light: true));
        Assert.False(ElementwiseLoop.UseNonTemporal(atThreshold * 4, inPlace: false, light: false));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    public void The_alignment_gap_reaches_the_next_vector_boundary_within_one_vector(int floats)
    {
        nuint w = (nuint)floats, bytes = w * sizeof(float);
        for (nuint address = 4096; address < 4096 + 128; address += sizeof(float))
        {
            nuint gap = ElementwiseLoop.AlignmentGap(address, w);
            Assert.True(gap < w, $"gap {gap} at {address}");
            Assert.Equal(0u, (address + (gap * sizeof(float))) % bytes);
        }
    }

    private static void Unary(int width, bool heavy, ReadOnlySpan<float> x, Span<float> y, bool nonTemporal)
    {
        if (heavy)
        {
            switch (width)
            {
                case 128: ElementwiseLoop.Unary<HeavyMarkingOperator, Vector128<float>, Width128>(default(HeavyMarkingOperator), x, y, nonTemporal); break;
                case 256: ElementwiseLoop.Unary<HeavyMarkingOperator, Vector256<float>, Width256>(default(HeavyMarkingOperator), x, y, nonTemporal); break;
                case 512: ElementwiseLoop.Unary<HeavyMarkingOperator, Vector512<float>, Width512>(default(HeavyMarkingOperator), x, y, nonTemporal); break;
                default: throw new ArgumentOutOfRangeException(nameof(width), width, "Expected 128, 256 or 512.");
            }

            return;
        }

        switch (width)
        {
            case 128: ElementwiseLoop.Unary<MarkingOperator, Vector128<float>, Width128>(default(MarkingOperator), x, y, nonTemporal); break;
            case 256: ElementwiseLoop.Unary<MarkingOperator, Vector256<float>, Width256>(default(MarkingOperator), x, y, nonTemporal); break;
            case 512: ElementwiseLoop.Unary<MarkingOperator, Vector512<float>, Width512>(default(MarkingOperator), x, y, nonTemporal); break;
            default: throw new ArgumentOutOfRangeException(nameof(width), width, "Expected 128, 256 or 512.");
        }
    }

    private static void Binary(int width, bool heavy, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z, bool nonTemporal)
    {
        if (heavy)
        {
            switch (width)
            {
                case 128: ElementwiseLoop.Binary<HeavyMarkingBinaryOperator, Vector128<float>, Width128>(default(HeavyMarkingBinaryOperator), a, b, z, nonTemporal); break;
                case 256: ElementwiseLoop.Binary<HeavyMarkingBinaryOperator, Vector256<float>, Width256>(default(HeavyMarkingBinaryOperator), a, b, z, nonTemporal); break;
                case 512: ElementwiseLoop.Binary<HeavyMarkingBinaryOperator, Vector512<float>, Width512>(default(HeavyMarkingBinaryOperator), a, b, z, nonTemporal); break;
                default: throw new ArgumentOutOfRangeException(nameof(width), width, "Expected 128, 256 or 512.");
            }

            return;
        }

        switch (width)
        {
            case 128: ElementwiseLoop.Binary<MarkingBinaryOperator, Vector128<float>, Width128>(default(MarkingBinaryOperator), a, b, z, nonTemporal); break;
            case 256: ElementwiseLoop.Binary<MarkingBinaryOperator, Vector256<float>, Width256>(default(MarkingBinaryOperator), a, b, z, nonTemporal); break;
            case 512: ElementwiseLoop.Binary<MarkingBinaryOperator, Vector512<float>, Width512>(default(MarkingBinaryOperator), a, b, z, nonTemporal); break;
            default: throw new ArgumentOutOfRangeException(nameof(width), width, "Expected 128, 256 or 512.");
        }
    }

    /// <summary>Distinct small positive integers, exact through the marking operators.</summary>
    private static float[] Inputs(int n, int shift)
    {
        float[] x = new float[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (((i * 7) + shift) % 1000) + 1;
        }

        return x;
    }

    /// <summary>A buffer for an output of n floats at any offset below 16, every cell a guard.</summary>
    private static float[] Guarded(int n)
    {
        float[] buffer = new float[Offsets + n + Pad];
        Array.Fill(buffer, Guard);
        return buffer;
    }

    private static void AssertResult(float[] buffer, int offset, int n, Func<int, float> expected, string where)
    {
        for (int k = 0; k < buffer.Length; k++)
        {
            bool inside = k >= offset && k < offset + n;
            float want = inside ? expected(k - offset) : Guard;
            if (buffer[k] != want)
            {
                Assert.Fail($"{where}: cell {k} is {buffer[k]}, expected {want} ({(inside ? "output" : "guard")}).");
            }
        }
    }
}
