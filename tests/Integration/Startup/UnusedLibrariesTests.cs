using System.Net;
using System.Reflection;
using System.Runtime.Loader;

namespace SessionKit.Tests.Integration.Startup;

/// <summary>
/// A fixture in memory and without stubs loads neither StackExchange.Redis nor WireMock.Net: each costs a test
/// process its load at start (issue 17, cold start). Checked in a load context of its own, since this test process
/// has loaded both for other tests.
/// </summary>
public class UnusedLibrariesTests
{
    [Test]
    public async Task A_fixture_in_memory_without_stubs_answers_without_loading_redis_or_wiremock()
    {
        var context = new IsolatedContext(Path.GetDirectoryName(typeof(FakeAuthServer.Testing.FakeAuthServerFactory).Assembly.Location)!);
        try
        {
            var testing = context.LoadFromAssemblyName(new AssemblyName("FakeAuthServer.Testing"));
            var factoryType = testing.GetType("FakeAuthServer.Testing.FakeAuthServerFactory", throwOnError: true)!;
            await using var factory = (IAsyncDisposable)Activator.CreateInstance(factoryType, [null])!;
            using var client = (HttpClient)factoryType.GetMethod("CreateClient", Type.EmptyTypes)!.Invoke(factory, null)!;

            using var answer = await client.GetAsync("/protected");

            answer.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            var loaded = context.Assemblies.Select(a => a.GetName().Name!).ToList();
            loaded.ShouldContain("FakeAuthServer", "the fixture's server must come from the isolated context");
            loaded.ShouldNotContain(name => name.StartsWith("StackExchange.Redis", StringComparison.Ordinal), string.Join(", ", loaded));
            loaded.ShouldNotContain(name => name.StartsWith("WireMock", StringComparison.Ordinal), string.Join(", ", loaded));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Our assemblies and the two libraries in question from the test's folder; everything else shared.</summary>
    private sealed class IsolatedContext(string folder) : AssemblyLoadContext("unused-libraries", isCollectible: true)
    {
        private static readonly string[] Isolated = ["FakeAuthServer", "StackExchange.Redis", "WireMock"];

        protected override Assembly? Load(AssemblyName name)
        {
            if (!Isolated.Any(prefix => name.Name!.StartsWith(prefix, StringComparison.Ordinal))) return null;
            var path = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
