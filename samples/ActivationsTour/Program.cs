// A first tour of TinyTorch's activations: each function on the reference inputs of the course,
// a ReLU → Softmax chain, and a backward pass. Run it with: dotnet run --project samples/ActivationsTour
using TinyTorch.Core;

Console.OutputEncoding = System.Text.Encoding.UTF8;

Show("ReLU", new ReLU(), [-2, -1, 0, 1, 2]);
Show("Sigmoid", new Sigmoid(), [-3, -1, 0, 1, 3]);
Show("Tanh", new Tanh(), [-2, 0, 2]);
Show("GELU (sigmoid form, default)", new GELU(), [-1, 0, 1]);
Show("GELU (tanh form)", new GELU(GeluApproximation.Tanh), [-1, 0, 1]);
Show("GELU (exact, erf)", new GELU(GeluApproximation.None), [-1, 0, 1]);
Show("Softmax", new Softmax(), [1, 2, 3, 4]);

Console.WriteLine();
Console.WriteLine("Stability: no overflow at the extremes");
Show("Sigmoid", new Sigmoid(), [-1000, 1000]);
Show("Softmax", new Softmax(), [1000, 1001, 1002]);

Console.WriteLine();
Console.WriteLine("A tiny network's last two steps: ReLU, then Softmax");
var logits = new Tensor(new float[,] { { -1, 0, 1, 2 } });
Tensor hidden = new ReLU().Forward(logits);
var softmax = new Softmax();
Tensor probabilities = softmax.Forward(hidden);
Console.WriteLine($"  input         {logits}");
Console.WriteLine($"  ReLU          {hidden}");
Console.WriteLine($"  Softmax       {probabilities}");
Console.WriteLine($"  sums to       {probabilities.ToArray().Sum():F6}");

Console.WriteLine();
Console.WriteLine("Backward: how a gradient flows back through Sigmoid and Softmax");
var sigmoid = new Sigmoid();
sigmoid.Forward(new Tensor(new[] { -2f, 0f, 2f }));
Tensor dSigmoid = sigmoid.Backward(new Tensor(new[] { 1f, 1f, 1f }));
Console.WriteLine($"  σ'([-2, 0, 2])                  = {Format(dSigmoid)}   (at most 0.25, at 0)");
Tensor dSoftmax = softmax.Backward(new Tensor(new float[,] { { 0, 0, 0, 1 } }));
Console.WriteLine($"  d(p[3])/d(hidden) through softmax = {Format(dSoftmax)}   (sums to 0)");

static void Show(string name, IActivation activation, float[] x)
{
    Tensor y = activation.Forward(new Tensor(x));
    Console.WriteLine($"  {name,-30} {Format(new Tensor(x)),-40} → {Format(y)}");
}

static string Format(Tensor t) =>
    "[" + string.Join(", ", t.ToArray().Select(v => v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture))) + "]";
