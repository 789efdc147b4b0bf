using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>
/// Softmax down the columns of a strip, <c>stride</c> floats from one element to the next (a dimension that is not
/// the last): the strided path of <see cref="SoftmaxKernel"/>. Vectors run across the columns, each lane one column.
/// </summary>
/// <remarks>
/// <para>The math and its bound (≤ 0.69 ULP) are <see cref="FloatSoftmax"/>'s. Each column is summed in one lane, in
/// row order, folded into double every <see cref="FloatSoftmax.FoldTerms"/> rows, by either path below: so a column's
/// result depends on its own values alone, not on the path or vector width that carried it, its neighbours or the
/// thread.</para>
/// <para>Two paths: <see cref="SoftmaxBlockedColumns"/> (columns up to <see cref="MaxBlockedLength"/> long, through a
/// scratch in which each block of 16 columns is contiguous) and <see cref="SoftmaxDirectColumns"/> (longer columns, in
/// place, the exponentials computed twice).</para>
/// </remarks>
[SkipLocalsInit]
internal static unsafe class SoftmaxColumns
{
    /// <summary>The widest strip: 64 columns, a 256-byte piece of each row.</summary>
    internal const int StripColumns = 64;

    /// <summary>The longest column the blocked path takes: its scratch is then 2 × 16 × 65 536 floats (8 MiB).</summary>
    internal const int MaxBlockedLength = 65536;

    /// <summary>The scratch the blocked path fills with up to four blocks of exponentials at a time when they fit: 256 KiB, and as much for the residuals.</summary>
    private const int ScratchTarget = 65536;

    private const int Lanes = SoftmaxBlocks.Lanes;

    /// <summary>The scratch, in floats, for strips of a dimension of <paramref name="length"/> with <paramref name="inner"/> columns: 0 for the direct path.</summary>
    public static int ScratchFloats(int length, int inner)
    {
        if (length > MaxBlockedLength)
        {
            return 0;
        }

        // Each block needs length × 16 floats for its exponentials and as many for their residuals.
        int blocks = (Math.Min(inner, StripColumns) + Lanes - 1) / Lanes;
        return 2 * length * Lanes * Math.Clamp(ScratchTarget / (length * Lanes), 1, blocks);
    }

    /// <summary>
    /// Softmax down each of <paramref name="columns"/> (≤ 64) columns, with vectors of at most <paramref name="lanes"/>
    /// floats; <paramref name="scratch"/> holds <see cref="ScratchFloats"/> floats.
    /// </summary>
    public static void Forward(float* x, float* y, int length, int stride, int columns, int lanes, float* scratch, int scratchFloats)
    {
        if (scratchFloats > 0)
        {
            switch (lanes)
            {
                case 16:
                    SoftmaxBlockedColumns.Forward<Vector512<float>, FloatLanes512, FloatMemoryLanes512>(x, y, length, stride, columns, scratch, scratchFloats);
                    break;
                case 8:
                    SoftmaxBlockedColumns.Forward<Vector256<float>, FloatLanes256, FloatMemoryLanes256>(x, y, length, stride, columns, scratch, scratchFloats);
                    break;
                default:
                    SoftmaxBlockedColumns.Forward<Vector128<float>, FloatLanes128, FloatMemoryLanes128>(x, y, length, stride, columns, scratch, scratchFloats);
                    break;
            }

            return;
        }

        int done = 0;
        while (done < columns)
        {
            int left = columns - done;
            int w = lanes >= 16 && left >= 16 ? 16 : lanes >= 8 && left >= 8 ? 8 : left >= 4 ? 4 : 1;
            float* xs = x + done, ys = y + done;
            switch (w)
            {
                case 16:
                    SoftmaxDirectColumns.Forward<Vector512<float>, FloatLanes512, FloatMemoryLanes512>(xs, ys, length, stride);
                    break;
                case 8:
                    SoftmaxDirectColumns.Forward<Vector256<float>, FloatLanes256, FloatMemoryLanes256>(xs, ys, length, stride);
                    break;
                case 4:
                    SoftmaxDirectColumns.Forward<Vector128<float>, FloatLanes128, FloatMemoryLanes128>(xs, ys, length, stride);
                    break;
                default:
                    SoftmaxDirectColumns.Forward<float, FloatScalarLanes, FloatMemoryScalarLanes>(xs, ys, length, stride);
                    break;
            }

            done += w;
        }
    }

    /// <summary>
    /// Each column's divisor from its maximum and sum (<see cref="FloatSoftmax.Divisor"/>), with a NaN reciprocal for a
    /// column that is to be NaN: a maximum that is not finite (NaN, +∞, all −∞) or a NaN sum (a NaN the vector maximum
    /// passed over).
    /// </summary>
    internal static void Divisors(float* max, double* sums, int columns, float* reciprocal, float* negHi, float* negLo)
    {
        for (int k = 0; k < columns; k++)
        {
            bool good = float.IsFinite(max[k]) && double.IsFinite(sums[k]);
            (reciprocal[k], negHi[k], negLo[k]) = good ? FloatSoftmax.Divisor(sums[k]) : (float.NaN, -1.0f, 0.0f);
        }
    }
}
