using Tito.Checks;
using Tito.Plotting;

namespace Tito.Tests.Plotting;

public class CurveCatalogTests
{
    private static readonly float[] Xs = [-4, -1, 0, 0.5f, 3];

    private static double Sigma(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void Softmax_IsTheFirstComponentOfSoftmaxOverXAndZero_WhichIsSigmoid()
    {
        float[] y = CurveCatalog.Select(["softmax"], derivative: false, ActivationRegistry.Library).Single().Evaluate(Xs);
        for (int i = 0; i < Xs.Length; i++)
        {
            Assert.Equal(Sigma(Xs[i]), y[i], 1e-6);
        }
    }

    [Fact]
    public void SoftmaxDerivative_IsYTimesOneMinusY_NotZero()
    {
        float[] d = CurveCatalog.Select(["softmax"], derivative: true, ActivationRegistry.Library).Single().Evaluate(Xs);
        for (int i = 0; i < Xs.Length; i++)
        {
            Assert.Equal(Sigma(Xs[i]) * (1 - Sigma(Xs[i])), d[i], 1e-6);
        }
    }

    [Fact]
    public void ReLUDerivative_IsTheStep()
    {
        float[] d = CurveCatalog.Select(["relu"], derivative: true, ActivationRegistry.Library).Single().Evaluate(Xs);
        Assert.Equal([0f, 0f, 0f, 1f, 1f], d);
    }

    [Fact]
    public void All_ExpandsToEveryCurveOnce_InCatalogOrder()
    {
        IReadOnlyList<Curve> curves = CurveCatalog.Select(["all", "relu"], derivative: false, ActivationRegistry.Library);
        Assert.Equal(CurveCatalog.Names, curves.Select(c => c.Name));
    }

    [Fact]
    public void Panels_KeepEveryCurveOnce_AtMostSevenToAPanel_TheCourseApart()
    {
        IReadOnlyList<Curve> curves = CurveCatalog.Select(["all"], derivative: false, ActivationRegistry.Library);
        IReadOnlyList<IReadOnlyList<Curve>> panels = CurveCatalog.Panels(curves);

        Assert.Equal(curves.Select(c => c.Name).Order(), panels.SelectMany(p => p).Select(c => c.Name).Order());
        Assert.All(panels, p => Assert.InRange(p.Count, 1, CurveCatalog.PanelSize));
        Assert.All(panels, p => Assert.Equal(p.Count, p.Select(c => c.SvgColor).Distinct().Count()));
        if (panels.Count > 1)
        {
            Assert.Equal(["relu", "sigmoid", "tanh", "gelu", "gelu-tanh", "gelu-exact", "softmax"], panels[0].Select(c => c.Name));
        }
    }

    [Theory]
    [InlineData("logsoftmax")]
    [InlineData("softmin")]
    [InlineData("softmax2d")]
    public void TheOtherFormsAlongADim_AreDrawnOnPairsAlongTheirDim(string key)
    {
        Curve curve = CurveCatalog.Select([key], derivative: false, ActivationRegistry.Library).Single();
        float[] y = curve.Evaluate(Xs);
        float[] d = CurveCatalog.Select([key], derivative: true, ActivationRegistry.Library).Single().Evaluate(Xs);
        Assert.EndsWith("([x, 0])₀", curve.Label);
        for (int i = 0; i < Xs.Length; i++)
        {
            // log-softmax([x, 0])₀ = ln σ(x), its derivative 1 − σ(x); softmin = σ(−x), derivative −σ(x)σ(−x); softmax2d = σ(x).
            (double f, double df) = key switch
            {
                "logsoftmax" => (Math.Log(Sigma(Xs[i])), 1 - Sigma(Xs[i])),
                "softmin" => (Sigma(-Xs[i]), -Sigma(Xs[i]) * Sigma(-Xs[i])),
                _ => (Sigma(Xs[i]), Sigma(Xs[i]) * Sigma(-Xs[i])),
            };
            Assert.Equal(f, y[i], 1e-6);
            Assert.Equal(df, d[i], 1e-6);
        }
    }

    [Fact]
    public void AGatedUnit_IsDrawnAsItsGate_AtAEqualsOne()
    {
        float[] y = CurveCatalog.Select(["glu"], derivative: false, ActivationRegistry.Library).Single().Evaluate(Xs);
        float[] d = CurveCatalog.Select(["glu"], derivative: true, ActivationRegistry.Library).Single().Evaluate(Xs);
        for (int i = 0; i < Xs.Length; i++)
        {
            Assert.Equal(Sigma(Xs[i]), y[i], 1e-6);
            Assert.Equal(Sigma(Xs[i]) * Sigma(-Xs[i]), d[i], 1e-6);
        }
    }
}
