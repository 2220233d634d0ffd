using Microsoft.AspNetCore.Hosting;

namespace FakeAuthServer.Admin;

/// <summary>
/// The admin API has no authentication by design (it is a test server's remote control), so it is only for this
/// machine: with it on, the server refuses to listen anywhere but loopback unless told twice
/// (<c>--admin-any-address</c> or FakeAuth:Admin:AllowAnyAddress), and then says so at start.
/// </summary>
public static class AdminExposure
{
    public sealed record Verdict(string? Refusal, string? Warning);

    public static Verdict Judge(IConfiguration configuration, AdminOptions admin)
    {
        if (!admin.Enabled) return new(null, null);
        var exposed = ListeningUrls(configuration).Where(url => !LoopbackHosts.IsLoopbackUrl(url)).ToList();
        if (exposed.Count == 0) return new(null, null);
        var where = string.Join(", ", exposed);
        return admin.AllowAnyAddress
            ? new(null, $"the admin API (no authentication) is reachable at {where}: anyone who can connect can read sessions, add users and move the clock.")
            : new($"the admin API has no authentication and would be reachable beyond this machine at {where}. " +
                  "Listen on 127.0.0.1 or localhost (--urls http://127.0.0.1:8000), or add --admin-any-address " +
                  "(FakeAuth:Admin:AllowAnyAddress=true) to expose it anyway.", null);
    }

    /// <summary>
    /// The addresses Kestrel will listen on, by its own precedence: Kestrel:Endpoints replace --urls
    /// (ASPNETCORE_URLS), which replace HTTP_PORTS/HTTPS_PORTS (those mean every interface).
    /// </summary>
    public static IReadOnlyList<string> ListeningUrls(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => e["Url"]).OfType<string>().Where(url => url.Length > 0).ToList();
        if (endpoints.Count > 0) return endpoints;
        var urls = Split(configuration[WebHostDefaults.ServerUrlsKey]);
        if (urls.Count > 0) return urls;
        return [.. Split(configuration["HTTP_PORTS"]).Select(port => $"http://*:{port}"),
                .. Split(configuration["HTTPS_PORTS"]).Select(port => $"https://*:{port}")];
    }

    private static List<string> Split(string? list) =>
        [.. (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
