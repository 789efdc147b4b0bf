using Tito.Modules;
using Tito.Tests.Support;

namespace Tito.Tests.Modules;

public class ReferenceSourcesTests
{
    [Fact]
    public void Embedded_HoldsEveryReferenceFile_AsTheRepositoryHasIt()
    {
        ReferenceSources embedded = ReferenceSources.Embedded();
        ReferenceSources repository = ReferenceSources.FromRepository(RepositoryRoot.Find());

        Assert.Equal(repository.Core.Select(f => f.Name), embedded.Core.Select(f => f.Name));
        Assert.Equal(repository.Family.Select(f => f.Name), embedded.Family.Select(f => f.Name));
        Assert.Equal(repository.Core, embedded.Core);       // records: name and text
        Assert.Equal(repository.Family, embedded.Family);
        Assert.Contains(embedded.Core, f => f.Name == "SigmoidMath.cs");
        Assert.Contains(embedded.Family, f => f.Name == "ELUMath.cs");
        Assert.StartsWith("built into tito", embedded.Origin);
    }

    [Fact]
    public void FindSources_InsideTheRepository_ReadsTheCheckout_AndElsewhere_TheCopiesInsideTito()
    {
        using var outside = new TempFolder();
        string root = RepositoryRoot.Find();

        Assert.StartsWith("in " + root, RepositoryLocator.FindSources(null, Path.Combine(root, "src"), outside.Path).Origin);
        Assert.StartsWith("in " + root, RepositoryLocator.FindSources(null, outside.Path, Path.Combine(root, "src", "Tito")).Origin);
        Assert.Null(RepositoryLocator.FindRoot(null, outside.Path, outside.Path));
        Assert.StartsWith("built into tito", RepositoryLocator.FindSources(null, outside.Path, outside.Path).Origin);
    }
}
