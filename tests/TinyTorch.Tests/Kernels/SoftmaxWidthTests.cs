using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels;

/// <summary>
/// The float-lane softmax at each vector width called directly (16, 8 and 4 floats; a width the machine lacks runs in
/// software, with the same IEEE operations), on both column paths: within the proven bound, and the same bits everywhere.
/// </summary>
public class SoftmaxWidthTests
{
    private static readonly int[] Widths = [16, 8, 4];

    private static float[] Spread(int length, int seed, double halfWidth = 100)
    {
        var random = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = (float)((random.NextDouble() * 2 * halfWidth) - halfWidth);
        }

        return x;
    }

    private static float[] Softmax(float[] x, int outer, int length, int inner, int lanes, bool blocked = true)
    {
        var y = new float[x.Length];
        SoftmaxKernel.Forward(x, y, outer, length, inner, lanes, blocked);
        return y;
    }

    /// <summary>
    /// The rows' proven bound (FloatSoftmaxRow: 1.55 ULP) with a little room; summing the rows' rounded exponentials
    /// without their rounding errors, or multiplying by a rounded reciprocal, would go past 2 ULP.
    /// </summary>
    private const double RowBound = 1.6;

    /// <summary>The columns' proven bound (FloatSoftmax, the quotient rounded once: 0.69 ULP) with a little room.</summary>
    private const double ColumnBound = 0.75;

    /// <summary>
    /// The largest error in ULP of any slice of y against the oracle; fails past <see cref="RowBound"/> for rows
    /// (<paramref name="inner"/> = 1), <see cref="ColumnBound"/> for columns.
    /// </summary>
    private static double MaxUlp(float[] x, float[] y, int length, int inner, string what) =>
        SoftmaxSlices.MaxUlp(x, y, length, inner, inner == 1 ? RowBound : ColumnBound, what);

    private static void AssertSameBits(float[] expected, float[] actual, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(OperatorChecks.SameBits(expected[i], actual[i]), $"{what}, element {i}: {expected[i]:R} vs {actual[i]:R}");
        }
    }

    [Fact]
    public void EveryRowLengthUpTo70IsWithin2UlpAndTheSameAtEveryWidth()
    {
        for (int length = 1; length <= 70; length++)
        {
            float[] x = Spread(3 * length, 900 + length);
            float[] wide = Softmax(x, 3, length, 1, 16);
            MaxUlp(x, wide, length, 1, $"length {length}");
            foreach (int lanes in Widths)
            {
                AssertSameBits(wide, Softmax(x, 3, length, 1, lanes), $"length {length}, {lanes} lanes");
            }
        }
    }

    // 8192 elements are one fold group of the 16 lanes: 20 000 spans three, the last one partial, plus a partial block.
    [Theory]
    [InlineData(1000)]
    [InlineData(4099)]
    [InlineData(20_000)]
    [InlineData(65_536)]
    public void LongRowsAreWithin2UlpAndTheSameAtEveryWidth(int length)
    {
        float[] x = Spread(2 * length, length);
        float[] wide = Softmax(x, 2, length, 1, 16);
        MaxUlp(x, wide, length, 1, $"length {length}");
        foreach (int lanes in Widths)
        {
            AssertSameBits(wide, Softmax(x, 2, length, 1, lanes), $"{lanes} lanes");
        }
    }

    // Inner sizes below one block (1–15 columns gathered one by one), whole blocks, a last block overlapping the one before
    // (17, 45, 100), several strips (130); lengths across a fold of 512 rows; scratch chunks of one block (length 4100).
    [Theory]
    [InlineData(2, 9, 2)]
    [InlineData(3, 7, 3)]
    [InlineData(1, 40, 15)]
    [InlineData(2, 33, 16)]
    [InlineData(1, 600, 17)]
    [InlineData(3, 17, 45)]
    [InlineData(1, 21, 64)]
    [InlineData(2, 5, 100)]
    [InlineData(1, 11, 130)]
    [InlineData(1, 4100, 40)]
    public void StridedSlicesAreWithin2UlpAndTheSameAtEveryWidthOnBothPaths(int outer, int length, int inner)
    {
        float[] x = Spread(outer * length * inner, (outer * 7919) + (length * 31) + inner);
        float[] wide = Softmax(x, outer, length, inner, 16);
        MaxUlp(x, wide, length, inner, $"[{outer}, {length}, {inner}]");
        foreach (int lanes in Widths)
        {
            AssertSameBits(wide, Softmax(x, outer, length, inner, lanes), $"{lanes} lanes, blocked");
            AssertSameBits(wide, Softmax(x, outer, length, inner, lanes, blocked: false), $"{lanes} lanes, direct");
        }

        // In place, on each path.
        foreach (bool blocked in new[] { true, false })
        {
            float[] z = [.. x];
            SoftmaxKernel.Forward(z, z, outer, length, inner, 16, blocked);
            AssertSameBits(wide, z, blocked ? "in place, blocked" : "in place, direct");
        }
    }

    [Fact]
    public void ColumnsLongerThanTheBlockedPathTakeTheDirectOne()
    {
        const int Length = SoftmaxColumns.MaxBlockedLength + 100;
        float[] x = Spread(Length * 3, 77);
        float[] y = Softmax(x, 1, Length, 3, 16);
        MaxUlp(x, y, Length, 3, "direct");
        AssertSameBits(y, Softmax(x, 1, Length, 3, 4), "4 lanes");
    }

    // Where x − m falls from −87.3 to −103.3 the column's results are subnormal (they were flushed to +0 from −87.7
    // on, when 2^K was formed before the 2^64): every result within the column bound in subnormal spacing (2^-149),
    // one rounding, at every width and on both paths. 37 columns (two blocks and an overlapping third), each with its
    // maximum in row 0 and the differences from −86.5 to −105 spread densely over the other 1 200 rows; some columns
    // have a second large entry, so that the sum is not just the maximum's term.
    [Fact]
    public void ColumnsWithSubnormalResultsAreRoundedOnTheSubnormalGridAtEveryWidthOnBothPaths()
    {
        const int Length = 1201, Inner = 37;
        float[] x = new float[Length * Inner];
        for (int c = 0; c < Inner; c++)
        {
            float max = (c * 0.731f) - 9.5f;
            x[c] = max;
            for (int i = 1; i < Length; i++)
            {
                // Row i of column c: differences 18.5/(1 200·37) apart over the whole strip, interleaved by column.
                double d = -86.5 - (18.5 * (((i - 1) * Inner) + c) / ((Length - 1) * (double)Inner));
                x[(i * Inner) + c] = (float)(max + d);
            }

            if (c % 3 == 1)
            {
                x[(600 * Inner) + c] = max - 0.5f;
            }
        }

        float[] wide = Softmax(x, 1, Length, Inner, 16);
        int subnormal = 0;
        for (int c = 0; c < Inner; c++)
        {
            float[] slice = [.. Enumerable.Range(0, Length).Select(i => x[(i * Inner) + c])];
            double[] truth = Oracle.Softmax(slice);
            for (int i = 0; i < Length; i++)
            {
                float actual = wide[(i * Inner) + c];
                double error = Ulp.Error(actual, truth[i]);
                Assert.True(error <= ColumnBound, $"column {c}, row {i}, x − m = {slice[i] - slice[0]:R}: got {actual:R}, truth {truth[i]:R} ({error:F3} ULP)");
                subnormal += actual != 0 && Math.Abs(truth[i]) < Ulp.MinNormal ? 1 : 0;
            }
        }

        Assert.True(subnormal > 30_000, $"only {subnormal} subnormal results: the sweep should be mostly subnormal");
        foreach (int lanes in Widths)
        {
            AssertSameBits(wide, Softmax(x, 1, Length, Inner, lanes), $"{lanes} lanes, blocked");
            AssertSameBits(wide, Softmax(x, 1, Length, Inner, lanes, blocked: false), $"{lanes} lanes, direct");
        }
    }

    [Fact]
    public void EdgeSlicesAreTheSameAtEveryWidthOnEveryPath()
    {
        float inf = float.PositiveInfinity, nan = float.NaN, big = float.MaxValue;
        float[][] cases =
        [
            [1f, nan, 2f],
            [nan, inf, 3f],
            [-inf, -inf, -inf],
            [1f, inf, 2f],
            [-inf, 0f, -inf],
            [-big, -inf],
            [big, -big],
            [1000f, 1000f, 1000f],
            [-1e30f, 1e30f, 0f],
        ];
        foreach (float[] baseCase in cases)
        {
            foreach (int pad in new[] { 0, 17, 40 })
            {
                bool allNegativeInfinity = baseCase.All(float.IsNegativeInfinity);
                float[] slice = [.. baseCase, .. Enumerable.Repeat(allNegativeInfinity ? -inf : -50f, pad)];
                double[] truth = Oracle.Softmax(slice);
                string what = $"[{string.Join(", ", baseCase)}] + {pad}";

                // As a row, and as column 5 of 7 (the others plain ramps, which must stay finite).
                const int Inner = 7;
                float[] matrix = new float[slice.Length * Inner];
                for (int i = 0; i < slice.Length; i++)
                {
                    for (int c = 0; c < Inner; c++)
                    {
                        matrix[(i * Inner) + c] = c == 5 ? slice[i] : i;
                    }
                }

                foreach (int lanes in Widths)
                {
                    float[] row = Softmax(slice, 1, slice.Length, 1, lanes);
                    float[] blocked = Softmax(matrix, 1, slice.Length, Inner, lanes);
                    float[] direct = Softmax(matrix, 1, slice.Length, Inner, lanes, blocked: false);
                    AssertSameBits(blocked, direct, $"{what}, {lanes} lanes: blocked vs direct");
                    for (int i = 0; i < slice.Length; i++)
                    {
                        Assert.True(float.IsFinite(blocked[(i * Inner) + 4]), $"{what}: the NaN column leaked");
                        foreach ((float actual, string path) in new[] { (row[i], "row"), (blocked[(i * Inner) + 5], "column") })
                        {
                            Assert.True(Ulp.WithinForwardBound(actual, truth[i], path == "row" ? RowBound : ColumnBound), $"{what}, {lanes} lanes, {path} {i}: {actual:R} vs {truth[i]:R}");
                            if (float.IsNegativeInfinity(slice[i]) && !double.IsNaN(truth[i]))
                            {
                                Assert.Equal(0u, BitConverter.SingleToUInt32Bits(actual));
                            }
                        }
                    }
                }
            }
        }
    }
}
