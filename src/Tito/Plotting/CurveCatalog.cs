using TinyTorch.Catalog;
using TinyTorch.Core;
using Tito.Checks;

namespace Tito.Plotting;

/// <summary>
/// The plottable functions, one per form in the activation catalog, each evaluated through the library's own modules:
/// the forward, or with <c>derivative</c> the backward with a gradient of ones (so the plot shows what backprop
/// really computes). Many curves are split into panels of a few each, so every legend stays readable.
/// </summary>
internal static class CurveCatalog
{
    /// <summary>The most curves one panel holds.</summary>
    public const int PanelSize = 7;

    /// <summary>The group names accepted besides each function's own: every curve, the course's five, the family.</summary>
    public static readonly string[] Groups = ["all", "course", "family"];

    // Spectre colour names and CSS colours, matched pairs, distinct on a dark terminal and on white paper.
    private static readonly (string Terminal, string Svg)[] Palette =
    [
        ("red", "#d62728"), ("green", "#2ca02c"), ("dodgerblue1", "#1f77b4"), ("yellow", "#bcbd22"),
        ("darkorange", "#ff7f0e"), ("magenta", "#9467bd"), ("aqua", "#17becf"), ("hotpink", "#e377c2"),
    ];

    /// <summary>The function names accepted on the command line, in catalog order.</summary>
    public static readonly string[] Names = [.. ActivationCatalog.Variants.Select(v => v.Key)];

    /// <summary>The curves for <paramref name="names"/> (function names or groups), forward or derivative, in catalog order.</summary>
    public static IReadOnlyList<Curve> Select(IEnumerable<string> names, bool derivative, ActivationRegistry r)
    {
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string n in names.Select(n => n.ToLowerInvariant()))
        {
            IEnumerable<string> keys = n switch
            {
                "all" => Names,
                "course" => ActivationCatalog.Course.SelectMany(a => a.Variants).Select(v => v.Key),
                "family" => ActivationCatalog.Family.SelectMany(a => a.Variants).Select(v => v.Key),
                _ when Names.Contains(n) => [n],
                _ => throw new UserErrorException($"unknown function '{n}'; choose from {string.Join(", ", Names)}, or a group: {string.Join(", ", Groups)}."),
            };
            chosen.UnionWith(keys);
        }

        ActivationVariant[] variants = [.. ActivationCatalog.Variants.Where(v => chosen.Contains(v.Key))];
        return [.. variants.Select((v, i) => Make(v, Palette[i % PanelSize % Palette.Length], derivative, r))];
    }

    /// <summary>
    /// The curves in panels: one when they fit, else the course's five apart from the family, and the family in groups
    /// of a few that cost alike (the piecewise-linear ones together, the exponential ones together).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Curve>> Panels(IReadOnlyList<Curve> curves)
    {
        if (curves.Count <= PanelSize)
        {
            return [curves];
        }

        string[] course = [.. ActivationCatalog.Course.SelectMany(a => a.Variants).Select(v => v.Key)];
        ActivationCost CostOf(Curve c) => ActivationCatalog.All.First(a => a.Variants.Any(v => v.Key == c.Name)).Cost;
        var panels = new List<IReadOnlyList<Curve>>();
        Curve[] ofCourse = [.. curves.Where(c => course.Contains(c.Name))];
        if (ofCourse.Length > 0)
        {
            panels.Add(Recolored(ofCourse));
        }

        foreach (IGrouping<ActivationCost, Curve> kind in curves.Where(c => !course.Contains(c.Name)).GroupBy(CostOf))
        {
            panels.AddRange(kind.Chunk(PanelSize).Select(Recolored));
        }

        return panels;
    }

    private static Curve[] Recolored(Curve[] panel) =>
        [.. panel.Select((c, i) => c with { TerminalColor = Palette[i % Palette.Length].Terminal, SvgColor = Palette[i % Palette.Length].Svg })];

    private static Curve Make(ActivationVariant v, (string Terminal, string Svg) color, bool derivative, ActivationRegistry r)
    {
        string label = v.IsGated ? $"{v.Label}(a = 1, b = x)" : v.AlongDim is null ? v.Label : $"{v.Label}([x, 0])₀";
        Func<float[], float[]> evaluate = v.IsGated ? xs => GatedPair(v.Gate!, xs, derivative)
            : v.AlongDim is null ? Elementwise(() => r.Create(v), derivative)
            : xs => SlicePair(r, v, xs, derivative);

        // NOTE: softmax([x, 0])₀ is σ(x), and the GELU tanh form lies on its sigmoid form: dashes keep the lower visible.
        string? dash = v.Key switch { "softmax" => "7 5", "gelu-tanh" => "9 5", _ => null };
        return new(v.Key, label + (derivative ? "′" : ""), color.Terminal, color.Svg, evaluate, dash);
    }

    private static Func<float[], float[]> Elementwise(Func<IActivation> make, bool derivative) => xs =>
    {
        IActivation a = make();
        Tensor y = a.Forward(new Tensor(xs, [xs.Length]));
        return derivative ? a.Backward(new Tensor(Enumerable.Repeat(1f, xs.Length).ToArray(), [xs.Length])).ToArray() : y.ToArray();
    };

    /// <summary>
    /// A gated unit has two inputs per output, so it is drawn as its gate: a·f(b) at a = 1 is f(b) itself (σ for GLU,
    /// SiLU for SwiGLU, …), and its derivative in b is the b half of the backward for gradient 1.
    /// </summary>
    private static float[] GatedPair(GatedForm gate, float[] xs, bool derivative)
    {
        float[] pairs = [.. Enumerable.Repeat(1f, xs.Length), .. xs];
        IActivation unit = gate.CreateAlong(0);
        float[] y = unit.Forward(new Tensor(pairs, [2, xs.Length])).ToArray();
        return derivative ? unit.Backward(new Tensor([.. Enumerable.Repeat(1f, xs.Length)], [1, xs.Length])).ToArray()[xs.Length..] : y;
    }

    /// <summary>
    /// A form along a dim has no single-input curve, so it is drawn as the first component of f([x, 0]): for softmax the
    /// probability a two-class classifier gives class 0 when its logits differ by x (it equals σ(x); log-softmax gives
    /// ln σ(x), softmin σ(−x)). Its derivative is ∂y₀/∂x₀, which the backward yields for the gradient [1, 0] (ones would
    /// give 0 for softmax: the components of a softmax always sum to 1). The pairs lie along the form's own dim
    /// (<see cref="AlongDimForm.SliceShape"/>: Softmax2d's are channels).
    /// </summary>
    private static float[] SlicePair(ActivationRegistry r, ActivationVariant v, float[] xs, bool derivative)
    {
        float[] pairs = new float[xs.Length * 2];
        float[] grad = new float[xs.Length * 2];
        for (int i = 0; i < xs.Length; i++)
        {
            pairs[2 * i] = xs[i];
            grad[2 * i] = 1;
        }

        int[] shape = v.AlongDim!.SliceShape(xs.Length, 2);
        IActivation activation = r.Create(v);
        float[] y = activation.Forward(new Tensor(pairs, shape)).ToArray();
        if (derivative)
        {
            y = activation.Backward(new Tensor(grad, shape)).ToArray();
        }

        return Enumerable.Range(0, xs.Length).Select(i => y[2 * i]).ToArray();
    }
}
