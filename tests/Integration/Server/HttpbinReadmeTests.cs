using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SessionKit.Tests.Integration.Server;

/// <summary>README's httpbin table lists every route of the route table's httpbin group, and nothing it does not serve.</summary>
public class HttpbinReadmeTests : ServerTestBase
{
    [Test]
    public void The_README_lists_exactly_the_httpbin_routes_served()
    {
        var served = Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ITagsMetadata>()?.Tags.Contains("httpbin") == true)
            .Select(e => e.RoutePattern.RawText!).ToHashSet();
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("### httpbin routes", StringComparison.Ordinal)..readme.IndexOf("### Admin API", StringComparison.Ordinal)];
        var table = section[section.IndexOf("| group |", StringComparison.Ordinal)..section.IndexOf("\n\n", section.IndexOf("| group |", StringComparison.Ordinal), StringComparison.Ordinal)];
        var listed = Regex.Matches(table, @"`(/[^`\s]*)`").Select(m => m.Groups[1].Value).ToHashSet();

        served.Count.ShouldBeGreaterThan(50);
        served.Except(listed).ShouldBeEmpty("served but not in README");
        listed.Except(served).ShouldBeEmpty("in README but not served");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SessionKit.slnx"))) return dir.FullName;
        throw new InvalidOperationException("SessionKit.slnx not found above the test binaries");
    }
}
