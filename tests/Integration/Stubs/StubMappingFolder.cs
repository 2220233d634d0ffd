namespace SessionKit.Tests.Integration.Stubs;

/// <summary>A temporary folder of WireMock mapping files, written by the test and deleted after it.</summary>
public sealed class StubMappingFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sessionkit-stubs-{Guid.NewGuid():N}");

    public StubMappingFolder() => Directory.CreateDirectory(Path);

    public StubMappingFolder With(string fileName, string json)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), json);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
