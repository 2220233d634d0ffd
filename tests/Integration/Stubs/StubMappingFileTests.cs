using System.Net;
using System.Net.Http.Json;
using FakeAuthServer.Stubs;
using FakeAuthServer.Testing;
using SessionKit.Tests.Integration.Standalone;

namespace SessionKit.Tests.Integration.Stubs;

/// <summary>Folders of WireMock static mapping files: WireMock's own format loads as written, a bad file stops the start named.</summary>
public class StubMappingFileTests
{
    /// <summary>
    /// A mapping as WireMock.Net's documentation writes them (its examples' __admin/mappings files): PascalCase keys,
    /// a WildcardMatcher on the path, lower-case methods, a trailing comma, a header with two values, BodyAsJson.
    /// </summary>
    private const string DocumentedMapping = """
        {
            "Request": {
                "Path": {
                    "Matchers": [
                        {
                            "Name": "WildcardMatcher",
                            "Pattern": "/static/mapping",
                        }
                    ]
                },
                "Methods": [
                    "get",
                    "post"
                ]
            },
            "Response": {
                "BodyAsJson": { "body": "static mapping" },
                "Headers": {
                    "Content-Type": "application/json",
                    "Test-X": [ "test 1", "test 2" ]
                }
            }
        }
        """;

    [Test]
    public async Task A_mapping_file_in_wiremocks_documented_format_loads_unchanged_and_answers()
    {
        using var folder = new StubMappingFolder().With("11111110-a633-40e8-a244-5cb80bc0ab66.json", DocumentedMapping);
        await using var server = new FakeAuthServerFactory().WithStubMappings(folder.Path);
        var client = server.CreateClient();

        var response = await client.PostAsync("/static/mapping", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["body"].ShouldBe("static mapping");
        response.Headers.GetValues("Test-X").ShouldBe(["test 1", "test 2"]);
    }

    [Test]
    public async Task Mapping_files_in_subfolders_and_arrays_of_mappings_load_too()
    {
        using var folder = new StubMappingFolder().With("orders.json", """
            [
              { "Request": { "Path": "/account/orders", "Methods": ["GET"] }, "Response": { "StatusCode": 200, "Body": "orders" } },
              { "Request": { "Path": "/account/profile", "Methods": ["GET"] }, "Response": { "StatusCode": 200, "Body": "profile" } }
            ]
            """);
        Directory.CreateDirectory(Path.Combine(folder.Path, "more"));
        folder.With("more/invoices.json", """{ "Request": { "Path": "/v1/invoices" }, "Response": { "Body": "invoices" } }""");
        await using var server = new FakeAuthServerFactory().WithStubMappings(folder.Path);
        var client = server.CreateClient();

        (await client.GetStringAsync("/account/profile")).ShouldBe("profile");
        (await client.GetStringAsync("/v1/invoices")).ShouldBe("invoices");
    }

    [Test]
    public async Task A_mapping_file_that_is_not_json_fails_the_in_process_start_naming_the_file_and_the_problem()
    {
        using var folder = new StubMappingFolder().With("good.json", DocumentedMapping).With("broken.json", """{ "Request": { "Path": "/x" }, """);
        await using var server = new FakeAuthServerFactory().WithStubMappings(folder.Path);

        var failure = Should.Throw<StubMappingException>(() => server.CreateClient());

        failure.Message.ShouldContain(Path.Combine(folder.Path, "broken.json"));
        failure.Message.ShouldContain("not valid JSON");
    }

    [Test]
    public async Task A_mapping_without_a_response_fails_the_start_saying_so()
    {
        using var folder = new StubMappingFolder().With("no-response.json", """{ "Request": { "Path": "/x" } }""");
        await using var server = new FakeAuthServerFactory().WithStubMappings(folder.Path);

        var failure = Should.Throw<StubMappingException>(() => server.CreateClient());

        failure.Message.ShouldContain("no-response.json");
        failure.Message.ShouldContain("has no \"Response\"");
    }

    [Test]
    public async Task A_mapping_wiremock_itself_rejects_fails_the_start_with_wiremocks_reason()
    {
        using var folder = new StubMappingFolder().With("odd-matcher.json", """
            { "Request": { "Path": { "Matchers": [ { "Name": "NoSuchMatcher", "Pattern": "/x" } ] } }, "Response": { "Body": "x" } }
            """);
        await using var server = new FakeAuthServerFactory().WithStubMappings(folder.Path);

        var failure = Should.Throw<StubMappingException>(() => server.CreateClient());

        failure.Message.ShouldContain("odd-matcher.json");
        failure.Message.ShouldContain("NoSuchMatcher");
    }

    [Test]
    public async Task A_missing_mappings_folder_fails_the_start_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"sessionkit-no-such-{Guid.NewGuid():N}");
        await using var server = new FakeAuthServerFactory().WithStubMappings(missing);

        var failure = Should.Throw<StubMappingException>(() => server.CreateClient());

        failure.Message.ShouldContain(missing);
    }

    [Test]
    public async Task The_standalone_server_with_a_bad_mapping_file_exits_non_zero_naming_the_file()
    {
        using var folder = new StubMappingFolder().With("broken.json", "not json at all");
        var dll = StandaloneServer.Dll;

        var run = await ExternalTool.RunAsync("dotnet", [dll, "--urls", "http://127.0.0.1:0", "--stubs", folder.Path],
            timeout: TimeSpan.FromSeconds(60));

        run.ExitCode.ShouldBe(1);
        run.StdErr.ShouldContain($"FakeAuthServer cannot start: Stub mapping file '{Path.Combine(folder.Path, "broken.json")}'");
        run.StdOut.ShouldNotContain("Now listening");
    }

    [Test]
    public async Task The_standalone_server_serves_a_stubs_folder_behind_the_configured_session_guard()
    {
        using var folder = new StubMappingFolder().With("orders.json",
            """{ "Request": { "Path": "/account/orders", "Methods": ["GET"] }, "Response": { "Body": "orders" } }""");
        await using var server = await StandaloneServer.StartAsync("--stubs", folder.Path, "--FakeAuth:Stubs:Guards:/account=session");
        using var http = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = server.BaseAddress };

        (await http.GetAsync("/account/orders")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await http.PostAsync("/api/login", new FormUrlEncodedContent(FakeAuthServerFactory.DemoCredentials))).EnsureSuccessStatusCode();
        (await http.GetStringAsync("/account/orders")).ShouldBe("orders");
    }

    [Test]
    public async Task A_guard_rule_that_is_not_one_of_the_known_forms_fails_the_start()
    {
        await using var server = new FakeAuthServerFactory()
            .WithStubs(_ => { }, guards => guards.Bearer("/v1", scope: "ok")) // valid
            .Configure(_ => { })
            .ConfigureServices(s => Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions
                .PostConfigure<StubOptions>(s, o => o.Guards["/admin"] = "sesion"));

        var failure = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => server.CreateClient());

        failure.Message.ShouldContain("FakeAuth:Stubs:Guards:/admin: 'sesion' is not session, bearer, bearer:SCOPE or open.");
    }
}
