namespace Classifier.Tests.Studio;

/// <summary>The studio's test classes share one set of servers (training their models once) and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class StudioCollection : ICollectionFixture<StudioServers>, ICollectionFixture<Browser>
{
    public const string Name = "studio";
}
