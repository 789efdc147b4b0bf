using System.Globalization;
using TinyTorch.Catalog;
using TinyTorch.Core;
using Tito.Accuracy;
using Tito.Stability;

namespace Tito.Checks;

/// <summary>
/// The properties every form along a dim beyond Softmax (the catalog's <see cref="ActivationCatalog.AlongDim"/>) is
/// checked for, read from its <see cref="AlongDimForm"/>: values against its double reference within its bound along
/// every dim it takes, PyTorch's NaN and ±∞ slices, stability at ±1000, slices summing to 1, the backward against
/// finite differences of the reference, shapes and bad dims, and Backward before Forward. A form added to that list gets
/// its story here without code of its own.
/// </summary>
internal static class AlongDimChecks
{
    /// <summary>One suite per form of each activation along a dim that the registry grades (<see cref="ActivationRegistry.GradesAlongDim"/>).</summary>
    public static IReadOnlyList<CheckSuite> Build(ActivationRegistry r) =>
        [.. ActivationCatalog.AlongDim.SelectMany(a => a.Variants).Where(v => v.AlongDim is not null && r.GradesAlongDim(v)).Select(v => Suite(r, v))];

    private static CheckSuite Suite(ActivationRegistry r, ActivationVariant v)
    {
        AlongDimForm form = v.AlongDim!;
        Func<IActivation> make = () => r.Create(v);
        string bound = $"within {v.ForwardBoundUlps.ToString(CultureInfo.InvariantCulture)} ULP";
        var checks = new List<PropertyCheck>
        {
            new($"Matches its double-precision reference {bound} along {(form.WithDim is null ? $"dim {form.Dim}" : "every dim")} of {Ranks(form)} inputs", () =>
            {
                foreach ((IActivation module, int[] shape, int dim) in Layouts(r, v))
                {
                    float[] x = Spread(shape, 10, seed: shape.Length + dim);
                    float[] y = module.Forward(new Tensor(x, shape)).ToArray();
                    double worst = WorstUlps(form, x, y, shape, dim, out string where);
                    Expect.That(worst <= v.ForwardBoundUlps, $"every value {bound} of the reference",
                        () => $"{worst:0.##} ULP over dim {dim} of ({string.Join(", ", shape)}): {where}", Hints.Formula);
                }
            }),
            new("NaN, ±∞ and all −∞ slices as PyTorch (a NaN or a non-finite maximum gives a NaN slice)", () =>
            {
                foreach (SliceCase c in SliceCase.All.Where(c => c.Row.Any(v => !float.IsFinite(v))))
                {
                    float[] y = make().Forward(new Tensor(c.Row, form.SliceShape(1, c.Row.Length))).ToArray();
                    double[] want = c.Expected(form);
                    Expect.That(y.Select((value, i) => StabilityRule.Accepts(value, want[i])).All(ok => ok), Expect.Format(want),
                        () => $"{Expect.Format(y)} for {Expect.Format(c.Row)} ({c.Why})", Hints.UnguardedExp);
                }
            }),
            new("Stable at 1000, 1001, 1002 and at −1000, 0, 1000", () =>
            {
                foreach (float[] row in new[] { new float[] { 1000, 1001, 1002 }, [-1000, 0, 1000] })
                {
                    float[] y = make().Forward(new Tensor(row, form.SliceShape(1, row.Length))).ToArray();
                    double[] want = form.Reference(row);
                    Expect.That(y.Select((value, i) => StabilityRule.Accepts(value, want[i])).All(ok => ok), Expect.Format(want),
                        () => Expect.Format(y), Hints.SoftmaxMax);
                }
            }),
            new("Backward matches finite differences of the reference (random gradient)", () =>
            {
                int[] shape = form.SliceShape(2, 5);
                float[] x = [.. Enumerable.Range(0, 10).Select(i => ((i * 37 % 11) - 5) / 4f)];
                float[] g = [.. Enumerable.Range(0, 10).Select(i => ((i * 13 % 7) - 3) / 2f)];
                IActivation module = make();
                module.Forward(new Tensor(x, shape));
                float[] dx = module.Backward(new Tensor(g, shape)).ToArray();
                double[] numeric = NumericGradient(form, x, g, 5);
                Expect.That(dx.Zip(numeric).All(p => Math.Abs(p.First - p.Second) <= 1e-4 * Math.Max(1, Math.Abs(p.Second))),
                    Expect.Format(numeric), () => Expect.Format(dx), Hints.Backward);
            }),
            new("Keeps the input's shape; a dim or rank it does not take is an ArgumentException", () =>
            {
                int[] shape = form.SliceShape(2, 3);
                Expect.Shape(make().Forward(new Tensor(new float[6], shape)), shape, Hints.Shape);
                Exception? e = form.WithDim is not null
                    ? Expect.Thrown(() => r.AlongDimWithDim(v, 2).Forward(new Tensor(new float[6], [2, 3])))
                    : Expect.Thrown(() => make().Forward(new Tensor(new float[6], [2, 3])));
                Expect.That(e is ArgumentException, "ArgumentException", () => e?.GetType().Name ?? "no exception",
                    "a dim outside [−rank, rank − 1] (or a rank the module does not take) must be refused with a message, not read out of bounds.");
            }),
            new("Backward before Forward is an InvalidOperationException", () =>
            {
                Exception? e = Expect.Thrown(() => make().Backward(new Tensor(new float[3], form.SliceShape(1, 3))));
                Expect.That(e is InvalidOperationException, "InvalidOperationException", () => e?.GetType().Name ?? "no exception",
                    "Backward needs what Forward saved: without a Forward it must say so, not return a gradient of nothing.");
            }),
        };

        if (form.IsDistribution)
        {
            checks.Add(new("Each slice sums to 1", () =>
            {
                float[] y = make().Forward(new Tensor(new float[] { 1, 2, 3, -4, 0.5f, 9 }, form.SliceShape(2, 3))).ToArray();
                Expect.Close([y[0] + y[1] + y[2], y[3] + y[4] + y[5]], [1, 1], 1e-6, Hints.SoftmaxDim);
            }));
        }

        return new(v.Label, checks);
    }

    private static string Ranks(AlongDimForm form) => form.Ranks is { } ranks ? string.Join(" and ", ranks.Select(k => $"{k}-d")) : "1- to 4-d";

    /// <summary>The modules and inputs the reference check runs: every dim of 1- to 4-d inputs, or the form's own dim and ranks.</summary>
    private static IEnumerable<(IActivation Module, int[] Shape, int Dim)> Layouts(ActivationRegistry r, ActivationVariant v)
    {
        AlongDimForm form = v.AlongDim!;
        int[][] shapes = [[7], [3, 6], [3, 4, 5], [2, 3, 4, 5]];
        foreach (int[] shape in shapes)
        {
            if (form.WithDim is not null)
            {
                for (int d = 0; d < shape.Length; d++)
                {
                    yield return (r.AlongDimWithDim(v, d), shape, d);
                }
            }
            else if (form.Ranks?.Contains(shape.Length) ?? true)
            {
                yield return (r.Create(v), shape, form.Dim + shape.Length);
            }
        }
    }

    private static float[] Spread(int[] shape, double halfWidth, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, shape.Aggregate(1, (a, b) => a * b)).Select(_ => (float)(((random.NextDouble() * 2) - 1) * halfWidth))];
    }

    /// <summary>The largest error in ULPs of any slice of y along <paramref name="dim"/> against the form's reference.</summary>
    private static double WorstUlps(AlongDimForm form, float[] x, float[] y, int[] shape, int dim, out string where)
    {
        int length = shape[dim];
        int inner = shape.Skip(dim + 1).Aggregate(1, (a, b) => a * b);
        int outer = x.Length / (length * inner);
        double worst = 0;
        where = "";
        for (int o = 0; o < outer; o++)
        {
            for (int c = 0; c < inner; c++)
            {
                int start = (o * length * inner) + c;
                float[] slice = [.. Enumerable.Range(0, length).Select(i => x[start + (i * inner)])];
                double[] truth = form.Reference(slice);
                for (int i = 0; i < length; i++)
                {
                    float actual = y[start + (i * inner)];
                    double ulps = UlpMeter.Error(actual, truth[i]);
                    if (!(ulps <= worst))
                    {
                        worst = ulps;
                        where = $"{Expect.Format(actual)} vs {Expect.Format(truth[i])}";
                    }
                }
            }
        }

        return worst;
    }

    /// <summary>dL/dx for L = Σ g·f(x), by central differences of the reference in double, slice by slice (slices of <paramref name="length"/>, contiguous).</summary>
    private static double[] NumericGradient(AlongDimForm form, float[] x, float[] g, int length)
    {
        // NOTE: h = 2^-10 on inputs that are multiples of 1/4: x ± h is exact in float, so the reference sees the very step.
        const float H = 1f / 1024;
        var gradient = new double[x.Length];
        for (int start = 0; start < x.Length; start += length)
        {
            for (int i = 0; i < length; i++)
            {
                float[] up = x[start..(start + length)], down = x[start..(start + length)];
                up[i] += H;
                down[i] -= H;
                double[] fu = form.Reference(up), fd = form.Reference(down);
                double d = 0;
                for (int j = 0; j < length; j++)
                {
                    d += g[start + j] * (fu[j] - fd[j]) / (2 * H);
                }

                gradient[start + i] = d;
            }
        }

        return gradient;
    }
}
