using Tito.Checks;

namespace Tito.Modules;

/// <summary>The modules this repository holds (01 Tensor, 02 Activations) and how names map to them.</summary>
internal static class ModuleCatalog
{
    public static CourseModule Tensor { get; } = new(
        "01", "tensor", "Tensor",
        _ => [TensorChecks.Build()],
        _ => [],
        [
            "A float32 N-d Tensor: creation from arrays and scalars, shape, indexing, memory footprint",
            "Arithmetic with NumPy broadcasting, MatMul, Reshape, Sum/Mean/Max, NumPy-style printing",
        ],
        "Module 02: Activations — the nonlinearities that let a network bend (tito module start 02)");

    public static CourseModule Activations { get; } = new(
        "02", "activations", "Activations",
        r => [ReLUChecks.Build(r), SigmoidChecks.Build(r), TanhChecks.Build(r), GELUChecks.Build(r), SoftmaxChecks.Build(r)],
        r => [IntegrationChecks.Build(r)],
        [
            "ReLU: max(0, x), sparse and cheap",
            "Sigmoid: a probability gate, stable at ±1000",
            "Tanh: zero-centred, saturating at ±1",
            "GELU in three forms (sigmoid, tanh, exact erf), each with its own exact derivative",
            "Softmax along any dim, max-subtracted so 1000s never overflow",
            "The backward pass of every one of them",
        ],
        "Module 03: Layers — Linear layers that combine these activations into networks",
        r => [.. FamilyChecks.Build(r), .. AlongDimChecks.Build(r), .. GatedChecks.Build(r)]);

    /// <summary>Every module, in course order.</summary>
    public static IReadOnlyList<CourseModule> All { get; } = [Tensor, Activations];

    /// <summary>Finds a module by number ("02", "2") or name ("activations"); a user error names the choices.</summary>
    public static CourseModule Find(string key)
    {
        string k = key.Trim().ToLowerInvariant();
        foreach (CourseModule m in All)
        {
            if (k == m.Name || k == m.Number || k == m.Number.TrimStart('0') || k == $"{m.Number}_{m.Name}")
            {
                return m;
            }
        }

        throw new UserErrorException(
            $"unknown module '{key}'; this repository has {string.Join(" and ", All.Select(m => $"{m.Number} ({m.Name})"))}.");
    }
}
