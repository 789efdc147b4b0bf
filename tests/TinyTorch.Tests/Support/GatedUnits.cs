using TinyTorch.Activations.Reference;
using TinyTorch.Core;

namespace TinyTorch.Tests.Support;

/// <summary>The four gated units by name, each with its module, its float64 truth a·f(b) and its partial derivatives.</summary>
public static class GatedUnits
{
    /// <summary>The unit names the theories run over ("GeGLU" is its default tanh form).</summary>
    public static readonly string[] Names = ["GLU", "SwiGLU", "GeGLU", "GeGLU-Sigmoid", "GeGLU-None", "ReGLU"];

    /// <summary>Names as theory data.</summary>
    public static TheoryData<string> All => [.. Names];

    /// <summary>A module of the named unit over <paramref name="dim"/>.</summary>
    public static GatedActivation Make(string name, int dim = -1) => name switch
    {
        "GLU" => new GLU(dim),
        "SwiGLU" => new SwiGLU(dim),
        "GeGLU" => new GeGLU(dim),
        "GeGLU-Sigmoid" => new GeGLU(dim, GeluApproximation.Sigmoid),
        "GeGLU-None" => new GeGLU(dim, GeluApproximation.None),
        "ReGLU" => new ReGLU(dim),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    /// <summary>The proven forward bound in ULPs.</summary>
    public static double Bound(string name) => name switch
    {
        "ReGLU" => 0.5,
        "GeGLU-None" => 4,
        _ => 0.57,
    };

    /// <summary>The bound where the truth is <paramref name="truth"/>: below 2^-126 the fused gates' subnormal bound (GateChecks.SubnormalUlps), in subnormal spacing.</summary>
    public static double BoundAt(string name, double truth) =>
        Math.Abs(truth) < Ulp.MinNormal && name != "ReGLU" ? Math.Max(Bound(name), Kernels.Operators.GateChecks.SubnormalUlps) : Bound(name);

    /// <summary>a·f(b) in double.</summary>
    public static double Truth(string name, double a, double b) => name switch
    {
        "GLU" => GLUMath.Forward(a, b),
        "SwiGLU" => SwiGLUMath.Forward(a, b),
        "GeGLU" => GeGLUMath.Forward(a, b, GeluApproximation.Tanh),
        "GeGLU-Sigmoid" => GeGLUMath.Forward(a, b, GeluApproximation.Sigmoid),
        "GeGLU-None" => GeGLUMath.Forward(a, b, GeluApproximation.None),
        "ReGLU" => ReGLUMath.Forward(a, b),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    /// <summary>(∂y/∂a, ∂y/∂b) in double.</summary>
    public static (double A, double B) Slopes(string name, double a, double b) => name switch
    {
        "GLU" => (GLUMath.DerivativeA(a, b), GLUMath.DerivativeB(a, b)),
        "SwiGLU" => (SwiGLUMath.DerivativeA(a, b), SwiGLUMath.DerivativeB(a, b)),
        "GeGLU" => (GeGLUMath.DerivativeA(a, b, GeluApproximation.Tanh), GeGLUMath.DerivativeB(a, b, GeluApproximation.Tanh)),
        "GeGLU-Sigmoid" => (GeGLUMath.DerivativeA(a, b, GeluApproximation.Sigmoid), GeGLUMath.DerivativeB(a, b, GeluApproximation.Sigmoid)),
        "GeGLU-None" => (GeGLUMath.DerivativeA(a, b, GeluApproximation.None), GeGLUMath.DerivativeB(a, b, GeluApproximation.None)),
        "ReGLU" => (ReGLUMath.DerivativeA(a, b), ReGLUMath.DerivativeB(a, b)),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    /// <summary>
    /// The naive gated unit over a row-major tensor of <paramref name="shape"/> along <paramref name="dim"/> (≥ 0), in
    /// double, one output index at a time: y[o, j, i] from x[o, j, i] and x[o, j + n/2, i].
    /// </summary>
    public static double[] Naive(string name, float[] x, int[] shape, int dim)
    {
        (int outer, int n, int inner) = Split(shape, dim);
        var y = new double[outer * (n / 2) * inner];
        for (int o = 0; o < outer; o++)
        {
            for (int j = 0; j < n / 2; j++)
            {
                for (int i = 0; i < inner; i++)
                {
                    float a = x[(((o * n) + j) * inner) + i];
                    float b = x[(((o * n) + j + (n / 2)) * inner) + i];
                    y[(((o * (n / 2)) + j) * inner) + i] = Truth(name, a, b);
                }
            }
        }

        return y;
    }

    /// <summary>The naive backward: dL/dx from g (of the output's shape), in double.</summary>
    public static double[] NaiveBackward(string name, float[] g, float[] x, int[] shape, int dim)
    {
        (int outer, int n, int inner) = Split(shape, dim);
        var dx = new double[x.Length];
        for (int o = 0; o < outer; o++)
        {
            for (int j = 0; j < n / 2; j++)
            {
                for (int i = 0; i < inner; i++)
                {
                    int ia = (((o * n) + j) * inner) + i, ib = (((o * n) + j + (n / 2)) * inner) + i;
                    double gi = g[(((o * (n / 2)) + j) * inner) + i];
                    (double sa, double sb) = Slopes(name, x[ia], x[ib]);
                    dx[ia] = gi * sa;
                    dx[ib] = gi * sb;
                }
            }
        }

        return dx;
    }

    /// <summary>The shape with <paramref name="dim"/> halved.</summary>
    public static int[] Halved(int[] shape, int dim)
    {
        int[] h = [.. shape];
        h[dim] /= 2;
        return h;
    }

    private static (int Outer, int N, int Inner) Split(int[] shape, int dim)
    {
        int outer = 1, inner = 1;
        for (int d = 0; d < dim; d++)
        {
            outer *= shape[d];
        }

        for (int d = dim + 1; d < shape.Length; d++)
        {
            inner *= shape[d];
        }

        return (outer, shape[dim], inner);
    }
}
