using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TorchSharp;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace TorchSharpPeer;

/// <summary>
/// <c>--peer-accuracy</c>: where libtorch 2.10 is faster than us, what its speed buys, measured in the same process. For
/// GELU's exact form (forward and its derivative) and softmax's backward over rows of 1 024, both libraries' results
/// against a float64 reference, in ULPs of the true value (subnormal spacing below 2^-126), by range of x.
/// </summary>
internal static class PeerAccuracy
{
    public static void Run()
    {
        torch.set_num_threads(1);
        Console.WriteLine($"{"case",-34} {"inputs",9} {"ours max ULP",13} {"torch max ULP",14} {"torch worst at",16}");
        foreach ((double lo, double hi) in new[] { (-14.0, -5.0), (-5.0, -1.0), (-1.0, 1.0), (1.0, 14.0) })
        {
            float[] x = Uniform(1 << 20, lo, hi, 17);
            float[] ours = new float[x.Length], oursSlope = new float[x.Length], ones = [.. x.Select(_ => 1f)];
            ActivationKernels.GELU(x, ours, GeluApproximation.None);
            ActivationKernels.GELUBackward(ones, x, oursSlope, GeluApproximation.None);
            using Tensor input = torch.tensor(x).requires_grad_(true);
            using Tensor output = nn.functional.gelu(input);
            float[] theirs = output.data<float>().ToArray();
            using Tensor grad = torch.autograd.grad([output], [input], [torch.ones_like(output)])[0];
            float[] theirsSlope = grad.data<float>().ToArray();
            Report($"GELU exact, x in [{lo}, {hi})", x, ours, theirs, GELUMath.ExactForm, scaled: false);
            Report($"GELU exact slope, x in [{lo}, {hi})", x, oursSlope, theirsSlope, GELUMath.ExactFormDerivative, scaled: true);
        }

        Slopes("Tanhshrink", t => nn.functional.tanhshrink(t), (g, x, d) => ActivationKernels.TanhshrinkBackward(g, x, d), TanhshrinkMath.Derivative);
        Slopes("LogSigmoid", t => nn.functional.logsigmoid(t), (g, x, d) => ActivationKernels.LogSigmoidBackward(g, x, d), LogSigmoidMath.Derivative);
        SoftmaxBackward();
    }

    /// <summary>An element-wise backward at g = 1, both sides, in ULPs of the derivative itself (relative) and of
    /// max(|D|, 1) (as the family's backward bound is stated), by range of x.</summary>
    private static void Slopes(
        string name, Func<Tensor, Tensor> peer, Action<float[], float[], float[]> ours, Func<double, double> derivative)
    {
        foreach ((double lo, double hi) in new[] { (-0.01, 0.01), (-1.0, 1.0), (-20.0, 20.0) })
        {
            float[] x = Uniform(1 << 20, lo, hi, 23), ones = [.. x.Select(_ => 1f)], slope = new float[x.Length];
            ours(ones, x, slope);
            using Tensor input = torch.tensor(x).requires_grad_(true);
            using Tensor output = peer(input);
            using Tensor grad = torch.autograd.grad([output], [input], [torch.ones_like(output)])[0];
            float[] theirs = grad.data<float>().ToArray();
            Report($"{name} slope, x in [{lo}, {hi})", x, slope, theirs, derivative, scaled: false);
            Report($"  the same, in ULPs of max(|D|, 1)", x, slope, theirs, derivative, scaled: true);
        }
    }

    /// <summary>Each side's backward against y ⊙ (g − Σ g·y) in float64 from that side's own forward output y: the
    /// backward's error alone, relative to the true value, and in ULPs of y(|g| + Σ|g·y|) as the tests state it.</summary>
    private static void SoftmaxBackward()
    {
        const int Rows = 256, Length = 1024;
        float[] x = Uniform(Rows * Length, -8, 8, 5), g = Uniform(Rows * Length, -1, 1, 6);
        float[] y = new float[x.Length], ours = new float[x.Length];
        ActivationKernels.Softmax(x, y, Length);
        ActivationKernels.SoftmaxBackward(g, y, ours, Length);
        using Tensor input = torch.tensor(x).reshape(Rows, Length).requires_grad_(true);
        using Tensor output = torch.softmax(input, -1);
        using Tensor gradOutput = torch.tensor(g).reshape(Rows, Length);
        using Tensor grad = torch.autograd.grad([output], [input], [gradOutput])[0];
        float[] theirs = grad.data<float>().ToArray(), theirY = output.data<float>().ToArray();
        (double oursRelative, double oursScaled) = BackwardErrors(g, y, ours, Length);
        (double theirsRelative, double theirsScaled) = BackwardErrors(g, theirY, theirs, Length);
        Console.WriteLine($"{"Softmax backward, rows of 1024",-34} {x.Length,9} {oursRelative,13:G4} {theirsRelative,14:G4} {"",16}");
        Console.WriteLine($"{"  the same, in ULPs of y(|g|+Σ|gy|)",-34} {x.Length,9} {oursScaled,13:G4} {theirsScaled,14:G4} {"",16}");
    }

    private static (double Relative, double Scaled) BackwardErrors(float[] g, float[] y, float[] dx, int length)
    {
        double relative = 0, scaled = 0;
        for (int o = 0; o < g.Length; o += length)
        {
            double dot = 0, absDot = 0;
            for (int i = o; i < o + length; i++)
            {
                dot += (double)g[i] * y[i];
                absDot += Math.Abs((double)g[i] * y[i]);
            }

            for (int i = o; i < o + length; i++)
            {
                double truth = y[i] * (g[i] - dot);
                relative = Math.Max(relative, Ulps(dx[i], truth, truth));
                scaled = Math.Max(scaled, Ulps(dx[i], truth, y[i] * (Math.Abs(g[i]) + absDot)));
            }
        }

        return (relative, scaled);
    }

    /// <summary>The worst error of each side; <paramref name="scaled"/>: a derivative's (g = 1), in ULPs of
    /// max(|truth|, 1) as the backward bounds are stated (the derivative crosses zero).</summary>
    private static void Report(string name, float[] x, float[] ours, float[] theirs, Func<double, double> reference, bool scaled)
    {
        double oursWorst = 0, theirsWorst = 0;
        float at = float.NaN;
        for (int i = 0; i < x.Length; i++)
        {
            double truth = reference(x[i]);
            double scale = scaled ? Math.Max(Math.Abs(truth), 1) : truth;
            oursWorst = Math.Max(oursWorst, Ulps(ours[i], truth, scale));
            double t = Ulps(theirs[i], truth, scale);
            if (t > theirsWorst)
            {
                theirsWorst = t;
                at = x[i];
            }
        }

        Console.WriteLine($"{name,-34} {x.Length,9} {oursWorst,13:G4} {theirsWorst,14:G4} {at,16:G6}");
    }

    /// <summary>|result − truth| in units of the float spacing at <paramref name="scale"/> (2^-149 below 2^-126).</summary>
    private static double Ulps(float result, double truth, double scale)
    {
        if (double.IsNaN(truth) || double.IsInfinity(truth))
        {
            return result.Equals((float)truth) ? 0 : double.PositiveInfinity;
        }

        double magnitude = Math.Max(Math.Abs(scale), Math.Pow(2, -126));
        double ulp = Math.Pow(2, Math.Floor(Math.Log2(magnitude)) - 23);
        return Math.Abs(result - truth) / ulp;
    }

    private static float[] Uniform(int n, double lo, double hi, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)(lo + (random.NextDouble() * (hi - lo))))];
    }
}
