using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

/// <summary>
/// Slow, obviously-right references for the tests: every element computed from its multi-index through
/// the public indexer, in double where it matters, sharing no code with the library's fast paths.
/// </summary>
public static class Naive
{
    /// <summary>All multi-indices of <paramref name="shape"/> in row-major order.</summary>
    public static IEnumerable<int[]> Indices(IReadOnlyList<int> shape)
    {
        int size = shape.Aggregate(1, (p, n) => p * n);
        for (int flat = 0; flat < size; flat++)
        {
            var index = new int[shape.Count];
            for (int d = shape.Count - 1, rest = flat; d >= 0; d--)
            {
                index[d] = rest % shape[d];
                rest /= shape[d];
            }

            yield return index;
        }
    }

    /// <summary>f applied under NumPy broadcasting, element by element.</summary>
    public static float[] Broadcast(Tensor a, Tensor b, int[] outShape, Func<float, float, float> f) =>
        Indices(outShape).Select(i => f(a[Pick(a, i)], b[Pick(b, i)])).ToArray();

    /// <summary>The element of <paramref name="t"/> that output index <paramref name="index"/> reads.</summary>
    private static int[] Pick(Tensor t, int[] index)
    {
        int offset = index.Length - t.Rank;
        return Enumerable.Range(0, t.Rank).Select(d => t.Shape[d] == 1 ? 0 : index[offset + d]).ToArray();
    }

    /// <summary>The matrix product of two 2-d tensors, each dot product summed in double.</summary>
    public static double[,] MatMul2D(Tensor a, Tensor b)
    {
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        var c = new double[m, n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++)
                {
                    s += (double)a[i, p] * b[p, j];
                }

                c[i, j] = s;
            }
        }

        return c;
    }
}
