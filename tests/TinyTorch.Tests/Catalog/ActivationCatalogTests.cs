using TinyTorch.Catalog;
using TinyTorch.Core;
using TinyTorch.Tests.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Catalog;

/// <summary>
/// What every catalog entry promises, checked from the entry alone: an activation added to the catalog is covered
/// here without a line of test code of its own (its own tests add what is special about it).
/// </summary>
public class ActivationCatalogTests
{
    private const double BackwardRelative = 4.0 / (1 << 24);

    public static TheoryData<string> ElementwiseKeys => [.. ActivationCatalog.Variants.Where(v => v.IsElementwise).Select(v => v.Key)];

    public static TheoryData<string> AlongDimKeys => [.. ActivationCatalog.Variants.Where(v => v.AlongDim is not null).Select(v => v.Key)];

    public static TheoryData<string> AllKeys => [.. ActivationCatalog.Variants.Select(v => v.Key)];

    private static ActivationVariant Variant(string key) => ActivationCatalog.FindVariant(key)!;

    [Fact]
    public void NamesAndKeys_AreUnique_AndKeysAreLowerCase()
    {
        Assert.Equal(ActivationCatalog.All.Count, ActivationCatalog.All.Select(a => a.Name).Distinct().Count());
        string[] keys = [.. ActivationCatalog.Variants.Select(v => v.Key)];
        Assert.Equal(keys.Length, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(keys, k => Assert.Equal(k.ToLowerInvariant(), k));
    }

    [Theory]
    [MemberData(nameof(ElementwiseKeys))]
    public void References_AreReadableLayerMethods_ThatALearnerCopyCanMirror(string key)
    {
        // tito grades a learner's copy by finding the same class and method there: a lambda would have no name to find.
        foreach (Func<double, double> f in new[] { Variant(key).Reference!, Variant(key).ReferenceDerivative! })
        {
            Assert.True(f.Method.IsStatic && f.Target is null, $"{key}: {f.Method.Name} is not a static method group");
            Assert.Equal("TinyTorch.Activations.Reference", f.Method.DeclaringType!.Namespace);
            Assert.EndsWith("Math", f.Method.DeclaringType.Name, StringComparison.Ordinal);
            Assert.Equal([typeof(double)], f.Method.GetParameters().Select(p => p.ParameterType));
        }
    }

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void Create_MakesTheNamedModule(string key)
    {
        ActivationDescriptor activation = ActivationCatalog.All.Single(a => a.Variants.Contains(Variant(key)));
        IActivation module = Variant(key).Create();
        Assert.Equal(activation.Name, module.GetType().Name);
        Assert.StartsWith(activation.Name + "(", activation.Signature, StringComparison.Ordinal);
    }

    // CI's strided sweep: every 4097th bit pattern (about a million inputs, every binade, both signs, subnormals) of every
    // form against its bound; `tito check accuracy --exhaustive` runs all 2^32.
    [Theory]
    [MemberData(nameof(ElementwiseKeys))]
    public void Forward_IsWithinItsBound_OverAStridedSweep(string key)
    {
        ActivationVariant v = Variant(key);
        float[] x = [.. Ulp.StridedFloats(4097), .. OperatorChecks.SpecialValues];
        float[] y = new float[x.Length];
        v.Forward!(x, y);
        var failures = new List<string>();
        for (int i = 0; i < x.Length && failures.Count < 5; i++)
        {
            double truth = v.Reference!(x[i]);
            if (!Ulp.WithinForwardBound(y[i], truth, v.ForwardBoundUlps))
            {
                failures.Add($"{v.Label}({x[i]:R}) = {y[i]:R}, truth {truth:R} ({Ulp.Error(y[i], truth):F2} ULP > {v.ForwardBoundUlps})");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(ElementwiseKeys))]
    public void Backward_IsWithinFourUlpOfItsScale(string key)
    {
        ActivationVariant v = Variant(key);
        float[] x = [.. Ulp.StridedFloats(65537).Where(f => Math.Abs(f) < 1e30f)];
        var random = new Random(12);
        float[] g = [.. x.Select(_ => (float)((random.NextDouble() * 4) - 2))];
        float[] dx = Backward(v, x, g);
        var failures = new List<string>();
        for (int i = 0; i < x.Length && failures.Count < 5; i++)
        {
            double truth = g[i] * v.ReferenceDerivative!(x[i]);
            double scale = Math.Max(Math.Abs(truth), Math.Abs(g[i]));
            if (!(Math.Abs(dx[i] - truth) <= BackwardRelative * scale))
            {
                failures.Add($"{v.Label}′({x[i]:R})·{g[i]:R} = {dx[i]:R}, truth {truth:R}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(ElementwiseKeys))]
    public void TheModule_GivesTheKernelsBits_ForwardAndBackward(string key)
    {
        ActivationVariant v = Variant(key);
        float[] x = OperatorChecks.Sample();
        float[] g = OperatorChecks.Gradients(x.Length);
        IActivation module = v.Create();
        float[] y = module.Forward(new Tensor(x, [x.Length])).ToArray();
        float[] dx = module.Backward(new Tensor(g, [g.Length])).ToArray();

        float[] expectedY = new float[x.Length];
        v.Forward!(x, expectedY);
        AssertSameBits(expectedY, y);
        AssertSameBits(Backward(v, x, g), dx);
    }

    // The catalog's slice kernels are what tito measures and benchmarks in the module's name: they must be its kernels,
    // with gradOutput and the saved output in their places (an adapter that swapped them would still run, and be wrong).
    [Theory]
    [MemberData(nameof(AlongDimKeys))]
    public void AlongDim_TheSliceKernels_GiveTheModulesBits_ForwardAndBackward(string key)
    {
        ActivationVariant v = Variant(key);
        AlongDimForm form = v.AlongDim!;
        const int Count = 3, Length = 7;
        var random = new Random(31);
        float[] x = [.. Enumerable.Range(0, Count * Length).Select(_ => (float)((random.NextDouble() * 8) - 4))];
        float[] g = [.. Enumerable.Range(0, Count * Length).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        int[] shape = form.SliceShape(Count, Length);
        IActivation module = v.Create();
        float[] y = module.Forward(new Tensor(x, shape)).ToArray();
        float[] dx = module.Backward(new Tensor(g, shape)).ToArray();

        // [Count, Length, 1, …]: each slice is contiguous, axisLength Length, stride 1.
        float[] kernelY = new float[x.Length], kernelDx = new float[x.Length];
        form.Forward(x, kernelY, Length, 1);
        Assert.Equal(SavedForBackward.Output, v.Saves);
        form.Backward(g, kernelY, kernelDx, Length, 1);
        AssertSameBits(y, kernelY);
        AssertSameBits(dx, kernelDx);
    }

    [Theory]
    [MemberData(nameof(ElementwiseKeys))]
    public void EveryLength0To256_AndInPlace_GiveTheOneElementBits(string key)
    {
        ActivationVariant v = Variant(key);
        float[] sample = OperatorChecks.Sample();
        for (int n = 0; n <= 256; n++)
        {
            float[] x = sample[..n];
            float[] g = OperatorChecks.Gradients(n);
            float[] y = new float[n];
            v.Forward!(x, y);
            float[] dx = Backward(v, x, g);
            for (int i = 0; i < n; i++)
            {
                float[] one = new float[1];
                v.Forward(x.AsSpan(i, 1), one);
                Assert.True(OperatorChecks.SameBits(one[0], y[i]), $"{v.Label} at length {n}, element {i}: {y[i]:R} vs {one[0]:R}");
            }

            float[] inPlace = (float[])x.Clone();
            v.Forward(inPlace, inPlace);
            AssertSameBits(y, inPlace);
            float[] saved = Saved(v, x);
            float[] overGradient = (float[])g.Clone();
            v.Backward!(overGradient, saved, overGradient);
            AssertSameBits(dx, overGradient);
            v.Backward(g, saved, saved);
            AssertSameBits(dx, saved);
        }
    }

    [Theory]
    [MemberData(nameof(ElementwiseKeys))]
    public void Limits_AtInfinity_AndNaN_AreTheDeclaredOnes(string key)
    {
        ActivationVariant v = Variant(key);
        float[] y = new float[3];
        v.Forward!([float.NegativeInfinity, float.PositiveInfinity, float.NaN], y);
        Assert.Equal((float)v.AtNegativeInfinity, y[0]);
        Assert.Equal((float)v.AtPositiveInfinity, y[1]);
        Assert.True(float.IsNaN(y[2]));
    }

    [Theory]
    [MemberData(nameof(ElementwiseKeys))]
    public void Outputs_StayInTheDeclaredRange(string key)
    {
        ActivationVariant v = Variant(key);
        float[] x = [.. Ulp.StridedFloats(65537)];
        float[] y = new float[x.Length];
        v.Forward!(x, y);
        Assert.All(y, value => Assert.InRange(value, v.Minimum, v.Maximum));
    }

    private static float[] Saved(ActivationVariant v, float[] x)
    {
        if (v.Saves == SavedForBackward.Input)
        {
            return (float[])x.Clone();
        }

        float[] y = new float[x.Length];
        v.Forward!(x, y);
        return y;
    }

    private static float[] Backward(ActivationVariant v, float[] x, float[] g)
    {
        float[] dx = new float[x.Length];
        v.Backward!(g, Saved(v, x), dx);
        return dx;
    }

    private static void AssertSameBits(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(OperatorChecks.SameBits(expected[i], actual[i]), $"element {i}: {actual[i]:R}, expected {expected[i]:R}");
        }
    }
}
