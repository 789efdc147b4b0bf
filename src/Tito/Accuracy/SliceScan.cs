using System.Globalization;
using TinyTorch.Catalog;

namespace Tito.Accuracy;

/// <summary>
/// The accuracy scan of the forms along a dim: their span kernels over random slices (lengths 1 to 65 536, entries
/// spread over ±1, ±10 and ±100, slices laid along the last dim and along a dim with a stride, and slices where one
/// entry stands far above the rest), each output measured in ULPs against the form's double reference.
/// </summary>
internal static class SliceScan
{
    private static readonly int[] Lengths = [1, 2, 3, 10, 100, 1000, 4099, 65_536];
    private static readonly double[] Spreads = [1, 10, 100];

    /// <summary>Every form of the catalog that works along a dim.</summary>
    public static IReadOnlyList<ActivationVariant> Targets => [.. ActivationCatalog.Variants.Where(v => v.AlongDim is not null)];

    /// <summary>Scans <paramref name="variant"/>'s forward kernel.</summary>
    public static SliceAccuracy Run(ActivationVariant variant)
    {
        AlongDimForm form = variant.AlongDim ?? throw new ArgumentException($"{variant.Label} does not work along a dim.", nameof(variant));
        var random = new Random(2024);
        long values = 0;
        double worst = 0;
        string where = "exact everywhere";
        foreach (int length in Lengths)
        {
            foreach (double spread in Spreads)
            {
                foreach (int stride in new[] { 1, 3 })
                {
                    foreach (bool dominated in new[] { false, true })
                    {
                        int slices = Math.Max(1, 4096 / length) * stride;
                        float[] x = Random(random, slices * length, spread);
                        if (dominated)
                        {
                            for (int s = 0; s < x.Length; s += length)
                            {
                                x[s] += (float)(spread * 4);   // in the [outer, length, stride] view: an entry of some slices
                            }
                        }

                        float[] y = new float[x.Length];
                        form.Forward(x, y, length, stride);
                        values += x.Length;
                        Measure(form, x, y, length, stride, ref worst, ref where, $"length {length}, ±{spread}, stride {stride}{(dominated ? ", one entry far above" : "")}");
                    }
                }
            }
        }

        return new SliceAccuracy(variant, values, worst, where);
    }

    private static void Measure(AlongDimForm form, float[] x, float[] y, int length, int stride, ref double worst, ref string where, string layout)
    {
        int outer = x.Length / (length * stride);
        float[] slice = new float[length];
        for (int o = 0; o < outer; o++)
        {
            for (int c = 0; c < stride; c++)
            {
                int start = (o * length * stride) + c;
                for (int i = 0; i < length; i++)
                {
                    slice[i] = x[start + (i * stride)];
                }

                double[] truth = form.Reference(slice);
                for (int i = 0; i < length; i++)
                {
                    float actual = y[start + (i * stride)];
                    double ulps = UlpMeter.Error(actual, truth[i]);
                    if (!(ulps <= worst))
                    {
                        worst = ulps;
                        where = string.Create(CultureInfo.InvariantCulture, $"{layout}: {actual:G9} vs {truth[i]:G9}");
                    }
                }
            }
        }
    }

    private static float[] Random(Random random, int count, double spread)
    {
        var x = new float[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = (float)(((random.NextDouble() * 2) - 1) * spread);
        }

        return x;
    }
}
