using System.Net;
using SessionKit.Tests.Integration.Client;

namespace SessionKit.Tests.Integration.Standalone;

/// <summary>
/// https for other clients: --cert-out writes the certificate the server generated as PEM, and GET
/// /_admin/certificate serves the same, so curl --cacert and Python's verify= trust the server without pinning.
/// </summary>
public class CertificateOutTests
{
    [Test]
    public async Task Curl_and_python_requests_trust_the_server_through_the_written_PEM()
    {
        var pem = Path.Combine(Path.GetTempPath(), $"fakeauth-{Guid.NewGuid():N}.pem");
        var httpsPort = LoopbackPorts.Free("127.0.0.1");
        await using var server = await StandaloneServer.StartAsync("--admin", "--cert-out", pem, "--urls",
            $"http://127.0.0.1:{LoopbackPorts.Free("127.0.0.1")};https://127.0.0.1:{httpsPort}");
        try
        {
            (await server.WaitForOutputAsync("Wrote the generated https certificate", TimeSpan.FromSeconds(20))).ShouldBeTrue(server.Output);
            var written = await File.ReadAllTextAsync(pem);
            written.ShouldStartWith("-----BEGIN CERTIFICATE-----");

            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            (await http.GetStringAsync("/_admin/certificate")).ShouldBe(written);

            var curl = await ExternalTool.CurlAsync();
            var fetched = await ExternalTool.RunAsync(curl, ["-sS", "--cacert", pem, $"https://127.0.0.1:{httpsPort}/get"]);
            fetched.ExitCode.ShouldBe(0, fetched.StdErr);
            fetched.StdOut.ShouldContain($"\"url\":\"https://127.0.0.1:{httpsPort}/get\"");

            var python = await ExternalTool.PythonWithRequestsAsync();
            var verified = await ExternalTool.RunAsync(python,
                ["-c", $"import requests; print(requests.get('https://localhost:{httpsPort}/ip', verify='{pem}').status_code)"]);
            verified.StdOut.Trim().ShouldBe("200", verified.StdErr);
        }
        finally
        {
            File.Delete(pem);
        }
    }

    [Test]
    public async Task Without_https_the_server_says_there_is_no_certificate_to_write_and_exits_with_1()
    {
        var dll = StandaloneServer.Dll;
        var pem = Path.Combine(Path.GetTempPath(), $"fakeauth-{Guid.NewGuid():N}.pem");

        var result = await ExternalTool.RunAsync("dotnet", [dll, "--urls", "http://127.0.0.1:0", "--cert-out", pem]);

        result.ExitCode.ShouldBe(1);
        result.StdErr.ShouldContain("no https address uses a generated certificate");
        File.Exists(pem).ShouldBeFalse();
    }

    [Test]
    public async Task The_admin_certificate_route_is_404_when_the_server_generated_none()
    {
        await using var server = await StandaloneServer.StartAsync("--admin");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var response = await http.GetAsync("/_admin/certificate");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
