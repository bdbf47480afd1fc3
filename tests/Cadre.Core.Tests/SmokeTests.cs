namespace Cadre.Core.Tests;

public class SolutionBuildsTests
{
    [Fact]
    public void CoreAssemblyLoads() => Assert.Equal("Cadre.Core", typeof(Cadre.Core.ReferenceFiles).Assembly.GetName().Name);
}
