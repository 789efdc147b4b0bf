using System.Globalization;
using TinyTorch.Catalog;
using TinyTorch.Core;
using Tito.Accuracy;

namespace Tito.Checks;

/// <summary>
/// The properties every activation of the family is checked for, read from its catalog entry: values against its
/// readable reference within its proven bound, NaN, the limits at ±∞, extreme inputs, the derivative, shapes, and
/// Backward before Forward. An activation added to the catalog gets its story here without code of its own.
/// </summary>
internal static class FamilyChecks
{
    private static readonly float[] Points = [-1000, -20, -6, -3, -1, -0.5f, -1e-3f, 0, 1e-3f, 0.5f, 1, 3, 6, 20, 1000];

    /// <summary>One suite per element-wise form of each family activation (none for a learner's copy, see <see cref="ActivationRegistry.IncludesFamily"/>).</summary>
    public static IReadOnlyList<CheckSuite> Build(ActivationRegistry r) => r.IncludesFamily
        ? [.. ActivationCatalog.Family.SelectMany(a => a.Variants).Where(v => v.IsElementwise).Select(v => Suite(r, v))]
        : [];

    private static CheckSuite Suite(ActivationRegistry r, ActivationVariant v)
    {
        Func<IActivation> make = () => r.Create(v);
        string bound = v.ForwardBoundUlps == 0 ? "exactly" : $"within {v.ForwardBoundUlps.ToString(CultureInfo.InvariantCulture)} ULP";
        return new(v.Label,
        [
            new($"Matches its double-precision reference {bound} from −1000 to 1000", () =>
            {
                float[] y = Run.Forward(make, Points);
                int worst = WorstUlpIndex(y, Points, v.Reference!, out double ulps);
                Expect.That(ulps <= v.ForwardBoundUlps, $"every value {bound} of the reference",
                    () => $"{ulps:0.##} ULP at x = {Expect.Format(Points[worst])}: {Expect.Format(y[worst])} vs {Expect.Format(v.Reference!(Points[worst]))}",
                    Hints.Formula);
            }),
            new("NaN in → NaN out", () =>
            {
                float y = Run.At(make, float.NaN);
                Expect.That(float.IsNaN(y), "NaN", () => Expect.Format(y), "a comparison with NaN is false: a NaN must come out, not a silent number.");
            }),
            new($"Limits: f(−∞) = {Limit((float)v.AtNegativeInfinity)}, f(+∞) = {Limit((float)v.AtPositiveInfinity)}", () =>
                Expect.Close(Run.Forward(make, float.NegativeInfinity, float.PositiveInfinity), [(float)v.AtNegativeInfinity, (float)v.AtPositiveInfinity], 0, Hints.UnguardedExp)),   // the limits rounded to float, as the catalog's tests hold them
            new($"Derivative matches f′ from the reference (Backward with gradient 1)", () =>
            {
                float[] xs = [.. Points.Where(x => Math.Abs(x) < 1000 && x != 0)];
                float[] d = Run.Derivative(make, xs);
                double[] want = [.. xs.Select(x => v.ReferenceDerivative!(x))];
                Expect.That(d.Zip(want).All(p => Math.Abs(p.First - p.Second) <= 4.0 / (1 << 24) * Math.Max(1, Math.Abs(p.Second))),
                    Expect.Format(want), () => Expect.Format(d), "Backward must multiply the gradient by f′ at the saved value.");
            }),
            new("Keeps the shape of a 0-d and a (2, 3) input", () =>
            {
                Expect.Shape(make().Forward(Tensor.Scalar(0.5f)), [], Hints.Shape);
                Expect.Shape(make().Forward(new Tensor(new float[,] { { -1, 0, 1 }, { 2, -2, 0.5f } })), [2, 3], Hints.Shape);
            }),
            new("Backward before Forward is an InvalidOperationException", () =>
            {
                Exception? e = Expect.Thrown(() => make().Backward(Tensor.Scalar(1)));
                Expect.That(e is InvalidOperationException, "InvalidOperationException", () => e?.GetType().Name ?? "no exception",
                    "Backward needs what Forward saved: without a Forward it must say so, not return a gradient of nothing.");
            }),
        ]);
    }

    private static string Limit(double value) => double.IsInfinity(value) ? (value > 0 ? "+∞" : "−∞") : Expect.Format(value);

    private static int WorstUlpIndex(float[] y, float[] x, Func<double, double> reference, out double worst)
    {
        worst = 0;
        int at = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double ulps = UlpMeter.Error(y[i], reference(x[i]));
            if (!(ulps <= worst))
            {
                worst = ulps;
                at = i;
            }
        }

        return at;
    }
}
