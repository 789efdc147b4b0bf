using System.Reflection;
using System.Runtime.InteropServices;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels;

public class ActivationKernelsTests
{
    private delegate void Forward(ReadOnlySpan<float> x, Span<float> destination);

    private delegate void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination);

    private static readonly Dictionary<string, (Forward Kernel, Func<double, double> Truth, double Ulps)> Forwards = new()
    {
        ["Sigmoid"] = (ActivationKernels.Sigmoid, Oracle.Sigmoid, 1),
        ["Tanh"] = (ActivationKernels.Tanh, Oracle.Tanh, 1),
        ["GeluSigmoid"] = ((x, d) => ActivationKernels.GELU(x, d, GeluApproximation.Sigmoid), Oracle.GeluSigmoid, 2),
        ["GeluTanh"] = ((x, d) => ActivationKernels.GELU(x, d, GeluApproximation.Tanh), Oracle.GeluTanh, 2),
        ["GeluExact"] = ((x, d) => ActivationKernels.GELU(x, d, GeluApproximation.None), Oracle.GeluExact, 2),
    };

    // Sigmoid and Tanh backward take the forward's output; their truth is the slope at that output.
    private static readonly Dictionary<string, (Backward Kernel, Func<float, float> Saved, Func<double, double, double> Truth)> Backwards = new()
    {
        ["Sigmoid"] = (ActivationKernels.SigmoidBackward, x => (float)Oracle.Sigmoid(x), (y, g) => g * y * (1 - y)),
        ["Tanh"] = (ActivationKernels.TanhBackward, x => (float)Oracle.Tanh(x), (y, g) => g * (1 - y) * (1 + y)),
        ["GeluSigmoid"] = ((g, x, d) => ActivationKernels.GELUBackward(g, x, d, GeluApproximation.Sigmoid), x => x, (x, g) => g * Oracle.GeluSigmoidDerivative(x)),
        ["GeluTanh"] = ((g, x, d) => ActivationKernels.GELUBackward(g, x, d, GeluApproximation.Tanh), x => x, (x, g) => g * Oracle.GeluTanhDerivative(x)),
        ["GeluExact"] = ((g, x, d) => ActivationKernels.GELUBackward(g, x, d, GeluApproximation.None), x => x, (x, g) => g * Oracle.GeluExactDerivative(x)),
    };

    public static TheoryData<string> FunctionNames => [.. Forwards.Keys];

    private static float[] Inputs(int length, int seed)
    {
        var random = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = i % 17 == 5
                ? OperatorChecks.SpecialValues[random.Next(OperatorChecks.SpecialValues.Length)]
                : (float)((random.NextDouble() - 0.5) * 30);
        }

        return x;
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void ForwardIsWithinTheBoundAtEveryLengthUpTo256(string name)
    {
        (Forward kernel, Func<double, double> truth, double ulps) = Forwards[name];
        for (int n = 0; n <= 256; n++)
        {
            float[] x = Inputs(n, n);
            var y = new float[n + 3];   // longer than needed: only the first n are written
            y.AsSpan(n).Fill(42f);
            kernel(x, y);
            OperatorChecks.AssertWithin(x, y.AsSpan(0, n), truth, ulps);
            Assert.All(y[n..], v => Assert.Equal(42f, v));
        }
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void ForwardInPlaceEqualsOutOfPlace(string name)
    {
        Forward kernel = Forwards[name].Kernel;
        foreach (int n in new[] { 1, 7, 8, 9, 31, 33, 100, 257 })
        {
            float[] x = Inputs(n, 1000 + n);
            var expected = new float[n];
            kernel(x, expected);
            kernel(x, x);
            Assert.True(x.Zip(expected).All(p => OperatorChecks.SameBits(p.First, p.Second)), $"{name}, length {n}");
        }
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void BackwardIsWithinTheBoundAtEveryLengthUpTo256AndInPlace(string name)
    {
        (Backward kernel, Func<float, float> saved, Func<double, double, double> truth) = Backwards[name];
        for (int n = 0; n <= 256; n++)
        {
            float[] a = [.. Inputs(n, 7 * n).Select(saved)];
            float[] g = OperatorChecks.Gradients(n);
            var dx = new float[n];
            kernel(g, a, dx);
            OperatorChecks.AssertBackwardWithin(a, g, dx, truth);

            kernel(g, a, g);    // in place over the incoming gradient
            Assert.True(g.Zip(dx).All(p => OperatorChecks.SameBits(p.First, p.Second)), $"{name}, length {n}, in place");
        }
    }

    // "No allocations in hot loops": a single-threaded call allocates nothing at all (a closure for the threaded
    // path once cost 48 bytes per call even when it ran on one thread).
    [Fact]
    public void ASingleThreadedCallAllocatesNothing()
    {
        float[] x = Inputs(4096, 3), y = new float[4096], g = Inputs(4096, 4);
        ActivationKernels.ReLU(x, y);   // warm up: JIT and type initializers allocate once
        ActivationKernels.ReLUBackward(g, x, y);
        long before = GC.GetAllocatedBytesForCurrentThread();
        ActivationKernels.ReLU(x, y);
        ActivationKernels.ReLUBackward(g, x, y);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ShortDestinationIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => ActivationKernels.Tanh(new float[10], new float[9]));
        Assert.Contains("too short", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => ActivationKernels.SigmoidBackward(new float[10], new float[10], new float[4]));
        Assert.Contains("too short", ex.Message);
    }

    [Fact]
    public void PartialOverlapIsRejected()
    {
        var buffer = new float[20];
        var ex = Assert.Throws<ArgumentException>(() => ActivationKernels.GELU(buffer.AsSpan(0, 10), buffer.AsSpan(1, 10)));
        Assert.Contains("partially overlaps x", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => ActivationKernels.Softmax(buffer.AsSpan(2, 12), buffer.AsSpan(0, 12), 4));
        Assert.Contains("partially overlaps", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => ActivationKernels.TanhBackward(buffer.AsSpan(10, 8), buffer.AsSpan(0, 8), buffer.AsSpan(11, 8)));
        Assert.Contains("partially overlaps gradOutput", ex.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void OverlapAtAByteOffsetThatIsNotAWholeElementIsRejectedWithOurMessage(int byteOffset)
    {
        // NOTE: Span.Overlaps throws its own exception for these (naming neither span); spans cast from bytes can be here.
        var bytes = new byte[128];
        var ex = Assert.Throws<ArgumentException>(() => ActivationKernels.ReLU(
            MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, 64)), MemoryMarshal.Cast<byte, float>(bytes.AsSpan(byteOffset, 64))));
        Assert.Equal("destination", ex.ParamName);
        Assert.Contains("destination partially overlaps x", ex.Message);
        Assert.Contains($"offset {byteOffset} bytes", ex.Message);

        ex = Assert.Throws<ArgumentException>(() => ActivationKernels.SigmoidBackward(
            MemoryMarshal.Cast<byte, float>(bytes.AsSpan(byteOffset, 64)), new float[16], MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, 64))));
        Assert.Equal("destination", ex.ParamName);
        Assert.Contains("destination partially overlaps gradOutput", ex.Message);
    }

    [Fact]
    public void DisjointSpansCastFromBytesAtAnOddOffsetAreAccepted()
    {
        var bytes = new byte[130];
        Span<float> x = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(1, 64));
        Span<float> destination = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(65, 64));
        x.Fill(-2f);
        x[3] = 5f;
        ActivationKernels.ReLU(x, destination);
        Assert.Equal(5f, destination[3]);
        Assert.Equal(0f, destination[0]);
    }

    /// <summary>
    /// Every public kernel, with every kind of bad argument: whatever it throws is an ArgumentException whose
    /// ParamName is one of that method's own parameters (SoftmaxStridedBackward once named "x", which it lacks).
    /// </summary>
    [Fact]
    public void EveryArgumentExceptionNamesAParameterOfTheMethodThatThrew()
    {
        // The float kernels; each Half overload runs the same checks with the same names (ActivationKernelsHalfTests).
        MethodInfo[] kernels = [.. typeof(ActivationKernels).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => !m.GetParameters().Any(p => p.ParameterType.IsGenericType
                && p.ParameterType != typeof(ReadOnlySpan<float>) && p.ParameterType != typeof(Span<float>)))];
        Assert.NotEmpty(kernels);
        var problems = new List<string>();
        foreach (MethodInfo method in kernels)
        {
            string[] names = [.. method.GetParameters().Select(p => p.Name!)];
            (string Scenario, Action Run)[] calls = SpecialCases.TryGetValue(method.Name, out var special)
                ? special
                : [.. BadCalls.Select(b => (b.Scenario, (Action)(() => b.Run(Invoker(method)))))];
            int thrown = 0;
            foreach ((string scenario, Action run) in calls)
            {
                Exception? e = Record.Exception(run);
                if (e is null)
                {
                    continue;
                }

                thrown++;
                if (e is not ArgumentException argument)
                {
                    problems.Add($"{method.Name}, {scenario}: {e.GetType().Name} ({e.Message})");
                }
                else if (!names.Contains(argument.ParamName))
                {
                    problems.Add($"{method.Name}, {scenario}: ParamName '{argument.ParamName}' is not one of ({string.Join(", ", names)})");
                }
            }

            if (thrown == 0)
            {
                problems.Add($"{method.Name}: no bad call threw");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private delegate void KernelCall(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination, int n1, int n2, GeluApproximation form, float? parameter = null);

    private delegate void UnaryFloat(ReadOnlySpan<float> x, Span<float> destination, float p);

    private delegate void BinaryFloat(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination, float p);

    private delegate void UnaryFloatFloat(ReadOnlySpan<float> x, Span<float> destination, float p, float q);

    private delegate void BinaryFloatFloat(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination, float p, float q);

    private delegate void Unary(ReadOnlySpan<float> x, Span<float> destination);

    private delegate void UnaryForm(ReadOnlySpan<float> x, Span<float> destination, GeluApproximation form);

    private delegate void UnaryInt(ReadOnlySpan<float> x, Span<float> destination, int n);

    private delegate void UnaryIntInt(ReadOnlySpan<float> x, Span<float> destination, int n1, int n2);

    private delegate void BinaryForm(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination, GeluApproximation form);

    private delegate void BinaryInt(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination, int n);

    private delegate void BinaryIntInt(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination, int n1, int n2);

    private delegate void UnaryIntForm(ReadOnlySpan<float> x, Span<float> destination, int n, GeluApproximation form);

    private delegate void UnaryIntIntForm(ReadOnlySpan<float> x, Span<float> destination, int n1, int n2, GeluApproximation form);

    private delegate void BinaryIntForm(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination, int n, GeluApproximation form);

    private delegate void BinaryIntIntForm(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination, int n1, int n2, GeluApproximation form);

    /// <summary>Each bad call over one 64-float buffer (a = 12 floats at 0, b = 12 at 16; softmax view [3, 4, 1]).</summary>
    private static readonly (string Scenario, Action<KernelCall> Run)[] BadCalls =
    [
        ("destination too short", k => k(new float[12], new float[12], new float[11], 4, 1, GeluApproximation.Sigmoid)),
        ("inputs of different lengths", k => k(new float[12], new float[8], new float[12], 4, 1, GeluApproximation.Sigmoid)),
        ("destination partially overlaps a", k => Shared((b, buffer) => k(buffer.AsSpan(0, 12), b, buffer.AsSpan(1, 12), 4, 1, GeluApproximation.Sigmoid))),
        ("destination partially overlaps b", k => Shared((a, buffer) => k(a, buffer.AsSpan(16, 12), buffer.AsSpan(18, 12), 4, 1, GeluApproximation.Sigmoid))),
        ("destination overlaps a at byte offset 2", k => Bytes(2, (x, d) => k(x, new float[12], d, 4, 1, GeluApproximation.Sigmoid))),
        ("destination overlaps b at byte offset 3", k => Bytes(3, (x, d) => k(new float[12], x, d, 4, 1, GeluApproximation.Sigmoid))),
        ("negative first count", k => k(new float[12], new float[12], new float[12], -1, 1, GeluApproximation.Sigmoid)),
        ("negative second count", k => k(new float[12], new float[12], new float[12], 4, -1, GeluApproximation.Sigmoid)),
        ("counts that do not divide the length", k => k(new float[12], new float[12], new float[12], 5, 1, GeluApproximation.Sigmoid)),
        ("zero count for a non-empty input", k => k(new float[12], new float[12], new float[12], 0, 1, GeluApproximation.Sigmoid)),
        ("unknown GELU form", k => k(new float[12], new float[12], new float[12], 4, 1, (GeluApproximation)99)),
        ("NaN parameter", k => k(new float[12], new float[12], new float[12], 4, 1, GeluApproximation.Sigmoid, float.NaN)),
    ];

    /// <summary>The kernels with a signature of their own (a weight span, a noise span, a seed), and their bad calls.</summary>
    private static readonly Dictionary<string, (string Scenario, Action Run)[]> SpecialCases = new()
    {
        [nameof(ActivationKernels.PReLU)] =
        [
            ("destination too short", () => ActivationKernels.PReLU(new float[12], new float[11], new float[3], 4)),
            ("empty weight", () => ActivationKernels.PReLU(new float[12], new float[12], [], 4)),
            ("channels that do not divide the length", () => ActivationKernels.PReLU(new float[12], new float[12], new float[5], 1)),
            ("negative inner", () => ActivationKernels.PReLU(new float[12], new float[12], new float[3], -1)),
        ],
        [nameof(ActivationKernels.PReLUBackward)] =
        [
            ("inputs of different lengths", () => ActivationKernels.PReLUBackward(new float[8], new float[12], new float[12], new float[3], 4, new float[3])),
            ("weightGrad too short", () => ActivationKernels.PReLUBackward(new float[12], new float[12], new float[12], new float[3], 4, new float[2])),
            ("negative inner", () => ActivationKernels.PReLUBackward(new float[12], new float[12], new float[12], new float[3], -1, new float[3])),
        ],
        [nameof(ActivationKernels.RReLU)] =
        [
            ("destination too short", () => ActivationKernels.RReLU(new float[12], new float[11], new float[12], 0.1f, 0.3f, 1)),
            ("noise too short", () => ActivationKernels.RReLU(new float[12], new float[12], new float[11], 0.1f, 0.3f, 1)),
            ("lower above upper", () => ActivationKernels.RReLU(new float[12], new float[12], new float[12], 0.5f, 0.3f, 1)),
            ("NaN bound", () => ActivationKernels.RReLU(new float[12], new float[12], new float[12], float.NaN, 0.3f, 1)),
        ],
        [nameof(ActivationKernels.RReLUEvaluationSlope)] =
        [
            ("lower above upper", () => ActivationKernels.RReLUEvaluationSlope(0.5f, 0.3f)),
            ("infinite bound", () => ActivationKernels.RReLUEvaluationSlope(0.1f, float.PositiveInfinity)),
        ],
    };

    private static void Shared(Action<float[], float[]> call) => call(new float[12], new float[64]);

    private static void Bytes(int byteOffset, Unary call)
    {
        var bytes = new byte[128];
        call(MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, 48)), MemoryMarshal.Cast<byte, float>(bytes.AsSpan(byteOffset, 48)));
    }

    /// <summary>The kernel behind one calling convention; a new signature fails here, so the test stays exhaustive.</summary>
    private static KernelCall Invoker(MethodInfo method)
    {
        Type[] types = [.. method.GetParameters().Select(p => p.ParameterType)];
        Type span = typeof(ReadOnlySpan<float>), destination = typeof(Span<float>), form = typeof(GeluApproximation), n = typeof(int);
        bool binary = types.Length >= 3 && types[1] == span;
        Type[] rest = [.. types.Skip(binary ? 3 : 2)];
        Assert.True(types[0] == span && types[binary ? 2 : 1] == destination, $"{method.Name}: an unknown signature");
        return (binary, rest) switch
        {
            (false, []) => Make<Unary>(method, u => (a, _, d, _, _, _, _) => u(a, d)),
            (false, [var t]) when t == form => Make<UnaryForm>(method, u => (a, _, d, _, _, f, _) => u(a, d, f)),
            (false, [var t]) when t == n => Make<UnaryInt>(method, u => (a, _, d, n1, _, _, _) => u(a, d, n1)),
            (false, [var t, var t2]) when t == n && t2 == n => Make<UnaryIntInt>(method, u => (a, _, d, n1, n2, _, _) => u(a, d, n1, n2)),
            (true, []) => Make<Backward>(method, u => (a, b, d, _, _, _, _) => u(a, b, d)),
            (true, [var t]) when t == form => Make<BinaryForm>(method, u => (a, b, d, _, _, f, _) => u(a, b, d, f)),
            (true, [var t]) when t == n => Make<BinaryInt>(method, u => (a, b, d, n1, _, _, _) => u(a, b, d, n1)),
            (true, [var t, var t2]) when t == n && t2 == n => Make<BinaryIntInt>(method, u => (a, b, d, n1, n2, _, _) => u(a, b, d, n1, n2)),
            (false, [var t]) when t == typeof(float) => Make<UnaryFloat>(method, u => (a, _, d, _, _, _, p) => u(a, d, p ?? Default(method, 2))),
            (true, [var t]) when t == typeof(float) => Make<BinaryFloat>(method, u => (a, b, d, _, _, _, p) => u(a, b, d, p ?? Default(method, 3))),
            (false, [var t, var t2]) when t == typeof(float) && t2 == t =>
                Make<UnaryFloatFloat>(method, u => (a, _, d, _, _, _, p) => u(a, d, p ?? Default(method, 2), Default(method, 3))),
            (true, [var t, var t2]) when t == typeof(float) && t2 == t =>
                Make<BinaryFloatFloat>(method, u => (a, b, d, _, _, _, p) => u(a, b, d, p ?? Default(method, 3), Default(method, 4))),
            (false, [var t, var t2]) when t == n && t2 == form => Make<UnaryIntForm>(method, u => (a, _, d, n1, _, f, _) => u(a, d, n1, f)),
            (false, [var t, var t2, var t3]) when t == n && t2 == n && t3 == form => Make<UnaryIntIntForm>(method, u => (a, _, d, n1, n2, f, _) => u(a, d, n1, n2, f)),
            (true, [var t, var t2]) when t == n && t2 == form => Make<BinaryIntForm>(method, u => (a, b, d, n1, _, f, _) => u(a, b, d, n1, f)),
            (true, [var t, var t2, var t3]) when t == n && t2 == n && t3 == form => Make<BinaryIntIntForm>(method, u => (a, b, d, n1, n2, f, _) => u(a, b, d, n1, n2, f)),
            _ => throw new InvalidOperationException($"{method.Name}: an unknown signature; teach this test its bad calls."),
        };
    }

    /// <summary>
    /// A family kernel's float parameter at its default, or 0.5 where it has none (Threshold's): a good value, so only
    /// the scenario's fault throws. The "NaN parameter" scenario replaces the first one.
    /// </summary>
    private static float Default(MethodInfo method, int position) =>
        method.GetParameters()[position] is { HasDefaultValue: true, DefaultValue: float value } ? value : 0.5f;

    private static KernelCall Make<TDelegate>(MethodInfo method, Func<TDelegate, KernelCall> adapt)
        where TDelegate : Delegate => adapt(method.CreateDelegate<TDelegate>());

    [Fact]
    public void MismatchedBackwardInputsAreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => ActivationKernels.GELUBackward(new float[8], new float[7], new float[8]));
        Assert.Contains("Length mismatch", ex.Message);
    }

    [Fact]
    public void RowLengthThatDoesNotDivideTheInputIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => ActivationKernels.Softmax(new float[10], new float[10], 3));
        Assert.Contains("not a whole number of slices", ex.Message);
        Assert.Throws<ArgumentException>(() => ActivationKernels.SoftmaxBackward(new float[10], new float[10], new float[10], 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.Softmax(new float[10], new float[10], -1));
    }

    [Fact]
    public void UnknownGeluFormIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.GELU(new float[4], new float[4], (GeluApproximation)99));
}
