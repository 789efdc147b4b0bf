using TinyTorch.Core;
using Tito.Checks;

namespace Tito.Plotting;

/// <summary>
/// The plottable functions, each evaluated through the library's own modules: the forward, or with
/// <c>derivative</c> the backward with a gradient of ones (so the plot shows what backprop really computes).
/// </summary>
internal static class CurveCatalog
{
    /// <summary>The names accepted on the command line, in drawing order ("all" means every one).</summary>
    public static readonly string[] Names = ["relu", "sigmoid", "tanh", "gelu", "gelu-tanh", "gelu-exact", "softmax"];

    /// <summary>The curves for <paramref name="names"/>, forward or derivative.</summary>
    public static IReadOnlyList<Curve> Select(IEnumerable<string> names, bool derivative, ActivationRegistry r)
    {
        var chosen = new List<string>();
        foreach (string n in names.Select(n => n.ToLowerInvariant()))
        {
            chosen.AddRange(n == "all" ? Names : [n]);
        }

        return chosen.Distinct().Select(n => Make(n, derivative, r)).ToList();
    }

    private static Curve Make(string name, bool derivative, ActivationRegistry r)
    {
        string suffix = derivative ? "′" : "";
        return name switch
        {
            "relu" => new("relu", "ReLU" + suffix, "red", "#d62728", Elementwise(r.ReLU, derivative)),
            "sigmoid" => new("sigmoid", "Sigmoid" + suffix, "green", "#2ca02c", Elementwise(r.Sigmoid, derivative)),
            "tanh" => new("tanh", "Tanh" + suffix, "dodgerblue1", "#1f77b4", Elementwise(r.Tanh, derivative)),
            "gelu" => new("gelu", "GELU (sigmoid form)" + suffix, "yellow", "#bcbd22", Elementwise(() => r.GELU(GeluApproximation.Sigmoid), derivative)),
            "gelu-tanh" => new("gelu-tanh", "GELU (tanh form)" + suffix, "darkorange", "#ff7f0e", Elementwise(() => r.GELU(GeluApproximation.Tanh), derivative), "9 5"),
            "gelu-exact" => new("gelu-exact", "GELU (exact erf)" + suffix, "magenta", "#9467bd", Elementwise(() => r.GELU(GeluApproximation.None), derivative)),
            "softmax" => new("softmax", "Softmax([x, 0])₀" + suffix, "aqua", "#17becf", xs => SoftmaxPair(r, xs, derivative), "7 5"),
            _ => throw new UserErrorException($"unknown function '{name}'; choose from {string.Join(", ", Names)} or all."),
        };
    }

    private static Func<float[], float[]> Elementwise(Func<IActivation> make, bool derivative) => xs =>
    {
        IActivation a = make();
        Tensor y = a.Forward(new Tensor(xs, [xs.Length]));
        return derivative ? a.Backward(new Tensor(Enumerable.Repeat(1f, xs.Length).ToArray(), [xs.Length])).ToArray() : y.ToArray();
    };

    /// <summary>
    /// Softmax has no single-input curve, so it is drawn as the first component of softmax([x, 0]): the
    /// probability a two-class classifier gives class 0 when its logits differ by x (it equals σ(x)). Its
    /// derivative is ∂y₀/∂x₀ = y₀(1 − y₀), which the backward yields for the gradient [1, 0] (ones would give 0:
    /// the components of a softmax always sum to 1).
    /// </summary>
    private static float[] SoftmaxPair(ActivationRegistry r, float[] xs, bool derivative)
    {
        float[] pairs = new float[xs.Length * 2];
        float[] grad = new float[xs.Length * 2];
        for (int i = 0; i < xs.Length; i++)
        {
            pairs[2 * i] = xs[i];
            grad[2 * i] = 1;
        }

        IActivation softmax = r.Softmax(-1);
        float[] y = softmax.Forward(new Tensor(pairs, [xs.Length, 2])).ToArray();
        if (derivative)
        {
            y = softmax.Backward(new Tensor(grad, [xs.Length, 2])).ToArray();
        }

        return Enumerable.Range(0, xs.Length).Select(i => y[2 * i]).ToArray();
    }
}
