namespace TinyTorch.Catalog;

/// <summary>
/// Every activation this library offers, each declared once, in one file of its own (<c>ActivationCatalog.ReLU.cs</c>,
/// …). Adding an activation means adding its files and one line to <see cref="Family"/> (element-wise) or
/// <see cref="AlongDim"/> (along a dim).
/// </summary>
public static partial class ActivationCatalog
{
    // NOTE: listed in the static constructor, which runs after every field initializer of every file of this
    // partial class; as an initializer itself it could run before the entries it lists, and see nulls.
    static ActivationCatalog()
    {
        Course = [ReLU, Sigmoid, Tanh, GELU, Softmax];
        Family =
        [
            LeakyReLU, PReLU, RReLU, ReLU6, SquaredReLU, Threshold,
            ELU, CELU, SELU,
            SiLU, Mish,
            Softplus, LogSigmoid,
            Hardtanh, Hardsigmoid, Hardswish,
            Hardshrink, Softshrink, Tanhshrink,
            Softsign,
        ];
        AlongDim =
        [
            LogSoftmax,
            Softmin,
            Softmax2d,
        ];
        Gated = [GLU, SwiGLU, GeGLU, ReGLU];
        All = [.. Course, .. Family, .. AlongDim, .. Gated];
    }

    /// <summary>Every activation: the course's five, the family, the rest of those along a dim, then the gated units.</summary>
    public static IReadOnlyList<ActivationDescriptor> All { get; }

    /// <summary>The five TinyTorch's Module 02 teaches, in the order it introduces them.</summary>
    public static IReadOnlyList<ActivationDescriptor> Course { get; }

    /// <summary>The rest of PyTorch's activations (and SquaredReLU): "going further" for a learner.</summary>
    public static IReadOnlyList<ActivationDescriptor> Family { get; }

    /// <summary>
    /// The activations beyond Softmax that work along a dim (<see cref="ActivationVariant.AlongDim"/>): LogSoftmax, Softmin,
    /// Softmax2d. One line each; the tools cover them from their entries.
    /// </summary>
    public static IReadOnlyList<ActivationDescriptor> AlongDim { get; }

    /// <summary>
    /// The gated linear units: GLU and the transformer gates SwiGLU, GeGLU and ReGLU, each a·f(b) on the two halves of a
    /// dim (going further, like the family; their forms carry <see cref="ActivationVariant.Gate"/>).
    /// </summary>
    public static IReadOnlyList<ActivationDescriptor> Gated { get; }

    /// <summary>Every form of every activation, in catalog order.</summary>
    public static IEnumerable<ActivationVariant> Variants => All.SelectMany(a => a.Variants);

    /// <summary>The form whose <see cref="ActivationVariant.Key"/> is <paramref name="key"/> (case-insensitive), or null.</summary>
    /// <param name="key">A key such as "gelu-tanh".</param>
    public static ActivationVariant? FindVariant(string key) =>
        Variants.FirstOrDefault(v => string.Equals(v.Key, key, StringComparison.OrdinalIgnoreCase));
}
