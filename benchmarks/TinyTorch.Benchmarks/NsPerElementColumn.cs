using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TinyTorch.Benchmarks;

/// <summary>
/// Median time per element, the unit the targets of issue 4 are written in. The element count is the
/// parameter named N, or a parameter that is an <see cref="IElementCount"/> (a softmax shape).
/// </summary>
internal sealed class NsPerElementColumn : IColumn
{
    public static readonly NsPerElementColumn Instance = new();

    public string Id => nameof(NsPerElementColumn);

    public string ColumnName => "ns/elem";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Median time of one invocation divided by the number of elements it processes";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? median = summary[benchmarkCase]?.ResultStatistics?.Median;
        long elements = Elements(benchmarkCase);
        return median is null || elements <= 0
            ? "-"
            : (median.Value / elements).ToString("0.0000", CultureInfo.InvariantCulture);
    }

    private static long Elements(BenchmarkCase benchmarkCase)
    {
        foreach (var parameter in benchmarkCase.Parameters.Items)
        {
            switch (parameter.Value)
            {
                case IElementCount counted: return counted.Elements;
                case int n when parameter.Name == "N": return n;
            }
        }

        return 0;
    }
}
