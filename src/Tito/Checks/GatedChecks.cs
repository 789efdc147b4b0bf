using System.Globalization;
using TinyTorch.Catalog;
using TinyTorch.Core;
using Tito.Accuracy;

namespace Tito.Checks;

/// <summary>
/// The properties every gated unit (GLU, SwiGLU, GeGLU, ReGLU) is checked for, read from its catalog entry: values
/// against its pair reference within its proven bound, every dim of a 3-d input halved, PyTorch's odd-size error,
/// extreme and special halves, the derivative in both halves, and Backward before Forward.
/// </summary>
internal static class GatedChecks
{
    private static readonly float[] Values = [-1000, -20, -6, -1, -0.5f, 0, 0.5f, 1, 3, 20, 1000];

    /// <summary>One suite per gated form, for the library only: a learner's copy has no gated units to grade.</summary>
    public static IReadOnlyList<CheckSuite> Build(ActivationRegistry r) => ReferenceEquals(r, ActivationRegistry.Library)
        ? [.. ActivationCatalog.Variants.Where(v => v.IsGated).Select(Suite)]
        : [];

    private static CheckSuite Suite(ActivationVariant v)
    {
        GatedForm gate = v.Gate!;
        string bound = $"within {v.ForwardBoundUlps.ToString(CultureInfo.InvariantCulture)} ULP";
        (float[] a, float[] b) = Grid();
        return new(v.Label,
        [
            new($"Matches its double-precision reference a·f(b) {bound} for every pair of ±1000, ±20, …, 0", () =>
            {
                float[] y = gate.CreateAlong(0).Forward(new Tensor([.. a, .. b], [2, a.Length])).ToArray();
                (int worst, double ulps) = Worst(y, a, b, gate.Reference);
                Expect.That(ulps <= v.ForwardBoundUlps, $"every value {bound} of the reference",
                    () => $"{ulps:0.##} ULP at (a, b) = ({Expect.Format(a[worst])}, {Expect.Format(b[worst])}): {Expect.Format(y[worst])} vs {Expect.Format(gate.Reference(a[worst], b[worst]))}",
                    Hints.Formula);
            }),
            new("Halves every dim of a (2, 4, 6) input: the first half gated by the second", () =>
            {
                float[] x = [.. Enumerable.Range(0, 48).Select(i => (float)Math.Sin(i * 1.7) * 4)];
                int[] shape = [2, 4, 6];
                for (int dim = 0; dim < 3; dim++)
                {
                    Tensor y = gate.CreateAlong(dim).Forward(new Tensor(x, shape));
                    int[] halved = [.. shape];
                    halved[dim] /= 2;
                    Expect.Shape(y, halved, "the output has the input's shape with the dim halved.");
                    double[] want = Naive(gate.Reference, x, shape, dim);
                    Near(y.ToArray(), want, "a is the first half along the dim, b the second, at the same position in each.");
                }
            }),
            new("An odd size along the dim is an ArgumentException in PyTorch's words", () =>
            {
                Exception? e = Expect.Thrown(() => gate.CreateAlong(1).Forward(Tensor.Zeros(2, 5)));
                Expect.That(e is ArgumentException && e.Message.StartsWith("Halving dimension must be even, but dimension 1 is size 5", StringComparison.Ordinal),
                    "ArgumentException: Halving dimension must be even, but dimension 1 is size 5", () => e is null ? "no exception" : $"{e.GetType().Name}: {e.Message}",
                    "there is no middle to split an odd dim at: refuse it, as torch.nn.functional.glu does.");
            }),
            new("Stable at ±1000 and ±∞ in either half; NaN in either half gives NaN", () =>
            {
                float[] ea = [1000, -1000, 1000, -1000, 2, 2, float.PositiveInfinity, float.NaN, 1];
                float[] eb = [1000, 1000, -1000, -1000, float.PositiveInfinity, float.NegativeInfinity, 3, 1, float.NaN];
                float[] y = gate.CreateAlong(0).Forward(new Tensor([.. ea, .. eb], [2, ea.Length])).ToArray();
                Near(y, [.. ea.Select((x, i) => gate.Reference(x, eb[i]))], Hints.UnguardedExp);
            }),
            new("Backward gives ∂a = g·f(b) and ∂b = g·a·f′(b) from the references", () =>
            {
                IActivation m = gate.CreateAlong(0);
                m.Forward(new Tensor([.. a, .. b], [2, a.Length]));
                float[] dx = m.Backward(new Tensor([.. Enumerable.Repeat(1f, a.Length)], [1, a.Length])).ToArray();
                double[] want = [.. a.Select((x, i) => gate.ReferenceDerivativeA(x, b[i])), .. a.Select((x, i) => gate.ReferenceDerivativeB(x, b[i]))];
                Near(dx, want, "Backward must give both halves: the gate's value for a, a times the gate's slope for b.");
            }),
            new("Backward before Forward is an InvalidOperationException", () =>
            {
                Exception? e = Expect.Thrown(() => gate.CreateAlong(-1).Backward(Tensor.Ones(1, 1)));
                Expect.That(e is InvalidOperationException, "InvalidOperationException", () => e?.GetType().Name ?? "no exception",
                    "Backward needs what Forward saved: without a Forward it must say so, not return a gradient of nothing.");
            }),
        ]);
    }

    /// <summary>Every (a, b) of the value grid, finite: the pairs the reference scan runs over.</summary>
    private static (float[] A, float[] B) Grid() =>
        ([.. Values.SelectMany(x => Values.Select(_ => x))], [.. Values.SelectMany(_ => Values)]);

    private static (int Index, double Ulps) Worst(float[] y, float[] a, float[] b, Func<double, double, double> reference)
    {
        (int at, double worst) = (0, 0.0);
        for (int i = 0; i < y.Length; i++)
        {
            double ulps = UlpMeter.Error(y[i], reference(a[i], b[i]));
            if (!(ulps <= worst))
            {
                (at, worst) = (i, ulps);
            }
        }

        return (at, worst);
    }

    /// <summary>The reference over a row-major tensor halved along dim, one output at a time.</summary>
    internal static double[] Naive(Func<double, double, double> reference, float[] x, int[] shape, int dim)
    {
        int outer = shape[..dim].Aggregate(1, (p, n) => p * n), n = shape[dim], inner = shape[(dim + 1)..].Aggregate(1, (p, k) => p * k);
        var y = new double[x.Length / 2];
        for (int o = 0; o < outer; o++)
        {
            for (int j = 0; j < n / 2; j++)
            {
                for (int i = 0; i < inner; i++)
                {
                    y[(((o * (n / 2)) + j) * inner) + i] = reference(x[(((o * n) + j) * inner) + i], x[(((o * n) + j + (n / 2)) * inner) + i]);
                }
            }
        }

        return y;
    }

    /// <summary>Every value within 1e−5 relative of the expected one (or 1e−30 absolute), NaN where NaN, ±∞ where ±∞.</summary>
    private static void Near(float[] actual, double[] expected, string hint)
    {
        bool ok = actual.Length == expected.Length && actual.Zip(expected).All(p => double.IsNaN(p.Second)
            ? float.IsNaN(p.First)
            : p.First == p.Second || Math.Abs(p.First - p.Second) <= Math.Max(1e-5 * Math.Abs(p.Second), 1e-30));
        Expect.That(ok, $"{Expect.Format(expected)} (within 1e-5 relative)", () => Expect.Format(actual), hint);
    }
}
