using System.Net;

namespace SessionKit.Tests.Integration.Standalone;

/// <summary>
/// The standalone server as the tutorials use it: a separate process on a loopback port, driven by real
/// non-.NET clients (python3 + requests, the standard library's urllib, curl with its cookie files).
/// </summary>
[NonParallelizable]
public class StandaloneServerTests
{
    /// <summary>What seed 002 prints after a valid login, whether the cookie is passed by hand or kept by a Session.</summary>
    private const string ValidLoginOutput = """
        ^Cookies returned from login:
        \{'user_id': '[0-9a-f]{32}'\}
        Login response:
        \{"message":"Login successful"\}
        Protected route:
        200
        \{"message":"You have access to this protected route"\}
        $
        """;

    private StandaloneServer _server = null!;
    private string _work = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _server = await StandaloneServer.StartAsync();
        _work = Directory.CreateTempSubdirectory("sessionkit-standalone-").FullName;
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await _server.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    private async Task<string> RunPythonAsync(string script, params string[] args) => (await RunPythonFullAsync(script, args)).StdOut;

    private async Task<ExternalTool.Result> RunPythonFullAsync(string script, params string[] args)
    {
        var python = await ExternalTool.PythonWithRequestsAsync();
        var result = await ExternalTool.RunAsync(python, [Path.Combine(AppContext.BaseDirectory, "PythonClients", script), .. args],
            new Dictionary<string, string> { ["SESSIONKIT_BASE_URL"] = _server.BaseAddress.ToString().TrimEnd('/') });
        result.ExitCode.ShouldBe(0, result.StdErr);
        return result with { StdOut = result.StdOut.ReplaceLineEndings("\n") };
    }

    [Test]
    public async Task Seed_002_urllib3_retries_reach_200_on_a_seeded_flaky_sequence()
    {
        // The first seed whose /flaky sequence (draws of new Random(seed) against the default rate 0.5) is 500, 500, 200.
        var seed = Enumerable.Range(1, 10_000).First(s =>
        {
            var draws = new Random(s);
            return draws.NextDouble() < 0.5 && draws.NextDouble() < 0.5 && draws.NextDouble() >= 0.5;
        });

        var result = await RunPythonFullAsync("seed002_retry.py", seed.ToString());

        result.StdOut.ShouldBe("Final response status: 200\n");
        result.StdErr.Split('\n').Count(l => l.Contains($"Incremented Retry for (url='/flaky?seed={seed}')")).ShouldBe(2, result.StdErr);
    }

    [Test]
    public async Task Seed_002_cookies_script_prints_what_the_tutorial_shows()
    {
        (await RunPythonAsync("seed002_cookies.py")).ShouldBe("{'user_id': '2'}\n2\n");
    }

    [Test]
    public async Task Seed_002_invalid_login_gets_no_cookie_and_401_as_the_tutorial_shows()
    {
        (await RunPythonAsync("seed002_login.py", "name", "pass")).ShouldBe("""
            Cookies returned from login:
            {}
            Login response:
            {"message":"Invalid credentials"}
            Protected route:
            401
            {"detail":"Unauthorized"}

            """);
    }

    [Test]
    public async Task Seed_002_valid_login_passes_its_cookie_by_hand_to_the_protected_route()
    {
        (await RunPythonAsync("seed002_login.py", "some_name", "pass")).ShouldMatch(ValidLoginOutput);
    }

    [Test]
    public async Task Seed_002_session_keeps_the_login_cookie_by_itself()
    {
        (await RunPythonAsync("seed002_session.py")).ShouldMatch(ValidLoginOutput);
    }

    [Test]
    public async Task Seed_001_urllib_opener_sets_then_sends_a_cookie()
    {
        var output = await RunPythonAsync("seed001_urllib_cookies.py");

        // What the script prints against httpbin 0.7.0 too: compact JSON and its newline, then print's newline
        // (httpbin.org, a later build, pretty-prints).
        output.ShouldBe("""
            {"cookies":{"mycookie":"value"}}

            {"cookies":{"mycookie":"value"}}


            """);
    }

    [Test]
    public async Task Seed_003_session_remembers_and_the_functional_api_forgets()
    {
        (await RunPythonAsync("seed003_session.py")).ShouldBe("""
            Cookies sent (should be none): {'cookies': {}}
            Session cookies after setting: {'sessioncookie': '123456789'}
            Cookies sent (should have sessioncookie): {'cookies': {'sessioncookie': '123456789'}}
            Cookies sent via functional API (should be none): {'cookies': {}}

            """);
    }

    [Test]
    public async Task Curl_with_cookie_files_logs_in_and_reaches_the_protected_route()
    {
        var curl = await ExternalTool.CurlAsync();
        var jar = Path.Combine(_work, "cookies.txt");
        var url = _server.BaseAddress.ToString().TrimEnd('/');
        Task<ExternalTool.Result> Curl(params string[] args) => ExternalTool.RunAsync(curl, ["-s", "--max-time", "20", .. args]);

        var invalid = await Curl("-c", jar, "-d", "username=name&password=pass", $"{url}/api/login");
        invalid.StdOut.ShouldBe("""{"message":"Invalid credentials"}""");
        (await Curl("-b", jar, "-o", "/dev/null", "-w", "%{http_code}", $"{url}/protected")).StdOut.ShouldBe("401");

        var valid = await Curl("-c", jar, "-d", "username=some_name&password=pass", $"{url}/api/login");
        valid.StdOut.ShouldBe("""{"message":"Login successful"}""");
        File.ReadAllText(jar).ShouldMatch(@"(?m)^#HttpOnly_127\.0\.0\.1\tFALSE\t/\tFALSE\t\d+\tuser_id\t[0-9a-f]{32}$");

        var protectedRoute = await Curl("-b", jar, $"{url}/protected");
        protectedRoute.StdOut.ShouldBe("""{"message":"You have access to this protected route"}""");
    }

    [Test]
    public async Task The_server_logs_one_line_per_request_and_redacts_secrets_in_paths()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        (await http.GetAsync("/status/204")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await http.GetAsync("/basic-auth/alice/s3cret-in-path")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await _server.WaitForOutputAsync("GET /status/204 204", TimeSpan.FromSeconds(10))).ShouldBeTrue(_server.Output);
        (await _server.WaitForOutputAsync("GET /basic-auth/{user}/{passwd} 401", TimeSpan.FromSeconds(10))).ShouldBeTrue(_server.Output);
        _server.Output.ShouldNotContain("s3cret-in-path");
    }

    [Test]
    public async Task An_aborted_flaky_request_is_logged_as_aborted_not_as_200()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };

        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync("/flaky?failure_rate=1&mode=reset&seed=77"));

        (await _server.WaitForOutputAsync("GET /flaky aborted", TimeSpan.FromSeconds(10))).ShouldBeTrue(_server.Output);
        (await http.GetAsync("/get")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_body_over_the_limit_sent_in_chunks_gets_413_from_the_real_server()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        var content = new StreamContent(new MemoryStream(new byte[200 * 1024]));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/login") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await http.GetAsync("/get")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
