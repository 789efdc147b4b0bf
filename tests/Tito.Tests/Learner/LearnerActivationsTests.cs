using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using Tito.Checks;
using Tito.Learner;
using Tito.Tests.Support;

namespace Tito.Tests.Learner;

public class LearnerActivationsTests
{
    // The library's own readable layer has the shape a learner's copy has: grading it must pass every check.
    private static readonly ActivationRegistry ReadableLayer = LearnerActivations.From(typeof(SigmoidMath).Assembly);

    [Fact]
    public void TheReadableLayer_GradedThroughTheAdapter_PassesTheWholeStory()
    {
        TitoRun run = TitoRun.Of("test activations", ReadableLayer);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("❌", run.Out);
    }

    [Fact]
    public void SliceSoftmax_NormalizesAlongTheRequestedDim()
    {
        var x = new Tensor(new float[,] { { 1, 5 }, { 3, 0 } });
        float[] byColumn = ReadableLayer.Softmax(0).Forward(x).ToArray();
        float[] library = new Softmax(0).Forward(x).ToArray();
        Assert.Equal(library, byColumn);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadableLayer.Softmax(2).Forward(x));
    }

    [Fact]
    public void ScalarActivation_BackwardIsGradientTimesDerivative()
    {
        IActivation sigmoid = ReadableLayer.Sigmoid();
        sigmoid.Forward(new Tensor([0f, 2f], [2]));
        float[] dx = sigmoid.Backward(new Tensor([2f, 1f], [2])).ToArray();
        Assert.Equal(0.5f, dx[0]);
        Assert.Equal((float)SigmoidMath.Derivative(2), dx[1]);
    }

    [Fact]
    public void LogSoftmaxMath_IsGradedThroughTheSliceAdapter_AlongAnyDim_AndTheOtherFormsAlongADimAreNot()
    {
        IReadOnlyList<CheckSuite> suites = AlongDimChecks.Build(ReadableLayer);
        CheckSuite logSoftmax = Assert.Single(suites);
        Assert.Equal("LogSoftmax", logSoftmax.Name);
        foreach (PropertyCheck property in logSoftmax.Properties)
        {
            Exception? e = Record.Exception(property.Run);
            Assert.True(e is null, $"{property.Description}: {e?.Message}");
        }

        var x = new Tensor(new float[,] { { 1, 5 }, { 3, 0 } });
        TinyTorch.Catalog.ActivationVariant variant = TinyTorch.Catalog.ActivationCatalog.LogSoftmax.Variants[0];
        IActivation byColumn = ReadableLayer.AlongDimWithDim(variant, 0);
        float[] y = byColumn.Forward(x).ToArray();
        float[] library = Functional.LogSoftmax(x, 0).ToArray();
        Assert.Equal(library, y);
        var g = new Tensor(new float[,] { { 1, -2 }, { 0.5f, 3 } });
        float[] dx = byColumn.Backward(g).ToArray();
        float[] libraryDx = Functional.LogSoftmaxBackward(g, Functional.LogSoftmax(x, 0), 0).ToArray();
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(libraryDx[i], dx[i], 6);
        }
    }
}
