using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

public class TensorArithmeticTests
{
    private static readonly Func<float, float, float>[] Operations = [(x, y) => x + y, (x, y) => x - y, (x, y) => x * y, (x, y) => x / y];

    private static Tensor Apply(int op, Tensor a, Tensor b) => op switch
    {
        0 => a + b,
        1 => a - b,
        2 => a * b,
        _ => a / b,
    };

    public static TheoryData<int[], int[], int[]> BroadcastCases => new()
    {
        { [2, 3], [2, 3], [2, 3] },
        { [2, 3], [3], [2, 3] },
        { [3], [2, 3], [2, 3] },
        { [2, 1], [1, 3], [2, 3] },
        { [2, 3], [], [2, 3] },
        { [], [4], [4] },
        { [], [], [] },
        { [4, 1, 5], [3, 1], [4, 3, 5] },
        { [2, 1, 3, 1], [1, 4, 1, 5], [2, 4, 3, 5] },
        { [1, 1], [5], [1, 5] },
        { [0, 3], [3], [0, 3] },
        { [0], [1], [0] },
        { [2, 0], [2, 1], [2, 0] },
        { [37], [37], [37] },          // long enough for vector bodies and a scalar tail
        { [3, 37], [3, 1], [3, 37] },
        { [3, 1], [1, 37], [3, 37] },
    };

    [Theory]
    [MemberData(nameof(BroadcastCases))]
    public void AllFourOperators_Broadcast_AsNumPyDoes(int[] aShape, int[] bShape, int[] expectedShape)
    {
        // Values from 1 to avoid 0 divisors; distinct per position so a wrong pairing shows.
        Tensor a = Tensor.Rand(aShape, seed: 1) + 1;
        Tensor b = Tensor.Rand(bShape, seed: 2) + 1;
        for (int op = 0; op < 4; op++)
        {
            Tensor z = Apply(op, a, b);
            Assert.Equal(expectedShape, z.Shape);
            Assert.Equal(Naive.Broadcast(a, b, expectedShape, Operations[op]), z.ToArray());
        }
    }

    [Fact]
    public void Add_2x3PlusRow_AddsTheRowToEachRow()
    {
        var a = new Tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var b = new Tensor(new float[] { 10, 20, 30 });
        Assert.Equal(new float[] { 11, 22, 33, 14, 25, 36 }, (a + b).ToArray());
    }

    [Fact]
    public void Multiply_ColumnTimesRow_IsTheOuterProduct()
    {
        var column = new Tensor(new float[,] { { 1 }, { 2 } });
        var row = new Tensor(new float[,] { { 3, 4, 5 } });
        Tensor z = column * row;
        Assert.Equal(new[] { 2, 3 }, z.Shape);
        Assert.Equal(new float[] { 3, 4, 5, 6, 8, 10 }, z.ToArray());
    }

    [Theory]
    [InlineData(new[] { 2, 3 }, new[] { 4 }, "(2, 3)", "(4,)")]
    [InlineData(new[] { 2, 3 }, new[] { 3, 2 }, "(2, 3)", "(3, 2)")]
    [InlineData(new[] { 0 }, new[] { 2 }, "(0,)", "(2,)")]
    public void Add_WithIncompatibleShapes_ThrowsNamingBothShapes(int[] aShape, int[] bShape, string aText, string bText)
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(aShape) + Tensor.Zeros(bShape));
        Assert.StartsWith($"Cannot broadcast shapes {aText} and {bText}", e.Message);
    }

    [Fact]
    public void EveryOperator_WithIncompatibleShapes_Throws()
    {
        Tensor a = Tensor.Zeros(2, 3), b = Tensor.Zeros(2);
        Assert.Throws<ArgumentException>(() => a - b);
        Assert.Throws<ArgumentException>(() => a * b);
        Assert.Throws<ArgumentException>(() => a / b);
        Assert.Throws<ArgumentException>(() => a.Add(b));
    }

    [Fact]
    public void ScalarOnEitherSide_AppliesToEveryElement()
    {
        var x = new Tensor(new float[] { 1, 2, 4 });
        Assert.Equal(new float[] { 3, 4, 6 }, (x + 2).ToArray());
        Assert.Equal(new float[] { 3, 4, 6 }, (2 + x).ToArray());
        Assert.Equal(new float[] { -1, 0, 2 }, (x - 2).ToArray());
        Assert.Equal(new float[] { 1, 0, -2 }, (2 - x).ToArray());
        Assert.Equal(new float[] { 2, 4, 8 }, (x * 2).ToArray());
        Assert.Equal(new float[] { 2, 4, 8 }, (2 * x).ToArray());
        Assert.Equal(new float[] { 0.5f, 1, 2 }, (x / 2).ToArray());
        Assert.Equal(new float[] { 2, 1, 0.5f }, (2 / x).ToArray());
    }

    [Fact]
    public void NamedMethods_MatchTheOperators()
    {
        Tensor a = Tensor.Randn([3, 4], seed: 3), b = Tensor.Randn([4], seed: 4);
        Assert.Equal((a + b).ToArray(), a.Add(b).ToArray());
        Assert.Equal((a - b).ToArray(), a.Subtract(b).ToArray());
        Assert.Equal((a * b).ToArray(), a.Multiply(b).ToArray());
        Assert.Equal((a / b).ToArray(), a.Divide(b).ToArray());
        Assert.Equal((a + 1.5f).ToArray(), a.Add(1.5f).ToArray());
        Assert.Equal((a - 1.5f).ToArray(), a.Subtract(1.5f).ToArray());
        Assert.Equal((a * 1.5f).ToArray(), a.Multiply(1.5f).ToArray());
        Assert.Equal((a / 1.5f).ToArray(), a.Divide(1.5f).ToArray());
        Assert.Equal((-a).ToArray(), a.Negate().ToArray());
    }

    [Fact]
    public void UnaryMinus_NegatesEveryElement_IncludingZeroToMinusZero()
    {
        var x = new Tensor(new float[] { 1, -2, 0, float.PositiveInfinity, float.NaN, 3, 4, 5, 6, 7, 8 });
        float[] y = (-x).ToArray();
        Assert.Equal(new float[] { -1, 2, -0f, float.NegativeInfinity, float.NaN, -3, -4, -5, -6, -7, -8 }, y);
        Assert.True(float.IsNegative(y[2]));
    }

    [Fact]
    public void UnaryMinus_KeepsShape_ForZeroDAndEmpty()
    {
        Assert.Equal(-3f, (-Tensor.Scalar(3)).Item());
        Assert.Equal(new[] { 0, 2 }, (-Tensor.Zeros(0, 2)).Shape);
    }

    [Fact]
    public void ZeroD_PlusZeroD_IsZeroD()
    {
        Tensor z = Tensor.Scalar(1.5f) + Tensor.Scalar(2);
        Assert.Equal(0, z.Rank);
        Assert.Equal(3.5f, z.Item());
    }

    [Fact]
    public void Divide_ByZero_FollowsIEEE()
    {
        var x = new Tensor(new float[] { 1, -1, 0 });
        Assert.Equal(new[] { float.PositiveInfinity, float.NegativeInfinity, float.NaN }, (x / 0f).ToArray());
    }

    [Fact]
    public void NaN_PropagatesThroughEveryOperator()
    {
        var x = new Tensor(new float[] { float.NaN, 1 });
        for (int op = 0; op < 4; op++)
        {
            Assert.True(float.IsNaN(Apply(op, x, Tensor.Scalar(2))[0]));
        }
    }

    [Fact]
    public void SameShapeFastPath_AgreesBitwiseWithTheBroadcastPath()
    {
        // (3, 37) + (3, 37) takes the same-shape loop; (3, 37) + (1, 3, 37) the broadcasting one.
        Tensor a = Tensor.Randn([3, 37], seed: 5), b = Tensor.Randn([3, 37], seed: 6);
        Tensor b3 = b.Reshape(1, 3, 37);
        for (int op = 0; op < 4; op++)
        {
            Assert.Equal(Apply(op, a, b).ToArray(), Apply(op, a, b3).ToArray());
        }
    }

    [Fact]
    public void Operators_NeverChangeTheirOperands_AndAlwaysReturnANewTensor()
    {
        Tensor a = Tensor.Randn([2, 3], seed: 7), b = Tensor.Randn([3], seed: 8);
        float[] a0 = a.ToArray(), b0 = b.ToArray();

        Tensor[] results = [a + b, a - b, a * b, a / b, -a, a + 1, 1 - a, a * 2, 2 / a, a + Tensor.Zeros(2, 3)];

        Assert.Equal(a0, a.ToArray());
        Assert.Equal(b0, b.ToArray());
        Assert.All(results, r => Assert.NotSame(a, r));
        results[^1].AsSpan()[0] = 1234;   // a result owns its storage
        Assert.Equal(a0, a.ToArray());
    }

    [Fact]
    public void NullOperand_Throws()
    {
        Tensor? none = null;
        Assert.Throws<ArgumentNullException>(() => Tensor.Ones(2) + none!);
        Assert.Throws<ArgumentNullException>(() => -none!);
    }
}
