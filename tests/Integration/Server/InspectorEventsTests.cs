using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SessionKit.Tests.Integration.Server;

/// <summary>GET /_admin/inspector/events: the inspector page's live feed of requests, sessions and the server's clock.</summary>
public class InspectorEventsTests : ServerTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory().WithAdminApi();

    private async Task<ServerSentEvents> OpenAsync()
    {
        var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/_admin/inspector/events"),
            HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var events = new ServerSentEvents(response);
        await events.NextAsync("clock"); // subscribed from here on
        return events;
    }

    [Test]
    public async Task The_stream_is_an_event_stream_that_starts_with_the_servers_clock()
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/_admin/inspector/events"),
            HttpCompletionOption.ResponseHeadersRead);
        using var events = new ServerSentEvents(response);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        response.Headers.CacheControl!.NoCache.ShouldBeTrue();
        var clock = await events.NextAsync();
        clock.Name.ShouldBe("clock");
        clock.Json.GetProperty("now").GetDateTimeOffset().ShouldBe(Server.Clock.GetUtcNow());
    }

    [Test]
    public async Task Each_request_is_an_event_with_its_method_path_status_and_cookies()
    {
        using var events = await OpenAsync();

        (await Client.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/cookies");
        request.Headers.Add("Cookie", "theme=dark");
        await Client.SendAsync(request);

        var first = (await events.NextAsync("request")).Json;
        first.GetProperty("method").GetString().ShouldBe("GET");
        first.GetProperty("path").GetString().ShouldBe("/protected");
        first.GetProperty("status").GetInt32().ShouldBe(401);
        var second = (await events.NextAsync("request")).Json;
        second.GetProperty("path").GetString().ShouldBe("/api/cookies");
        second.GetProperty("cookiesReceived")[0].GetProperty("value").GetString().ShouldBe("dark");
        second.GetProperty("cookiesSet")[0].GetString()!.ShouldStartWith("theme=dark");
    }

    [Test]
    public async Task A_login_names_its_new_session_and_user_and_the_session_table_lists_it()
    {
        using var events = await OpenAsync();

        var sessionId = SessionIdFrom(await LoginAsync());
        await GetWithCookieAsync("/protected", $"user_id={sessionId}");

        var login = (await events.NextAsync("request")).Json.GetProperty("session");
        login.GetProperty("id").GetString().ShouldBe(sessionId);
        login.GetProperty("user").GetString().ShouldBe("some_name");
        login.GetProperty("started").GetBoolean().ShouldBeTrue();
        var clock = (await events.NextAsync("clock")).Json;
        var listed = clock.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("id").GetString() == sessionId);
        listed.GetProperty("user").GetString().ShouldBe("some_name");
        listed.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeGreaterThan(clock.GetProperty("now").GetDateTimeOffset());
        var protectedGet = (await events.NextAsync("request")).Json;
        protectedGet.GetProperty("status").GetInt32().ShouldBe(200);
        protectedGet.GetProperty("session").GetProperty("started").GetBoolean().ShouldBeFalse();
    }

    [Test]
    public async Task Advancing_the_servers_clock_shows_in_the_next_clock_event_without_a_request()
    {
        using var events = await OpenAsync();
        var advanced = Server.Clock.GetUtcNow() + TimeSpan.FromMinutes(10);

        Server.Clock.Advance(TimeSpan.FromMinutes(10));

        // The heartbeat is a second of real time; the server's clock is not moving on its own here.
        (await events.NextAsync("clock", TimeSpan.FromSeconds(3))).Json.GetProperty("now").GetDateTimeOffset().ShouldBe(advanced);
    }

    [Test]
    public async Task Passwords_tokens_and_authorization_never_appear_in_the_stream()
    {
        using var events = await OpenAsync();

        await Client.PostAsync("/api/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["username"] = "alice", ["password"] = "wonderland" }));
        var tokens = await Client.PostAsync("/api/auth/login", new StringContent("""{"username":"alice","password":"wonderland"}""",
            Encoding.UTF8, "application/json"));
        var accessToken = (await JsonOf(tokens)).GetProperty("access_token").GetString()!;
        var me = new HttpRequestMessage(HttpMethod.Get, "/api/me?debug=querysecret");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        me.Headers.Add("Cookie", "refresh_token=cookiesecret");
        (await Client.SendAsync(me)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Client.GetAsync("/basic-auth/alice/pathsecret");

        for (var i = 0; i < 4; i++) await events.NextAsync("request");
        var all = string.Join('\n', events.Seen.Select(e => e.Data));
        foreach (var secret in (string[])["wonderland", accessToken, "querysecret", "cookiesecret", "pathsecret"]) all.ShouldNotContain(secret);
        all.ShouldContain("Bearer •••");
        all.ShouldContain("/basic-auth/{user}/{passwd}");
    }

    [Test]
    public async Task The_inspectors_own_requests_are_not_in_its_feed()
    {
        using var events = await OpenAsync();

        await Client.GetAsync("/_admin/inspector");
        await Client.GetAsync("/get");

        (await events.NextAsync("request")).Json.GetProperty("path").GetString().ShouldBe("/get");
    }

    [Test]
    public async Task The_page_is_one_self_contained_html_file_that_may_fetch_nothing_but_its_own_stream()
    {
        var response = await Client.GetAsync("/_admin/inspector");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'none'");
        csp.ShouldContain("connect-src 'self'");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("/_admin/inspector/events");
        html.ShouldNotContain("http://");
        html.ShouldNotContain("https://");
        html.ShouldNotContain("<script src");
        html.ShouldNotContain("<link");
    }

    [TestCase("evil.example")]
    [TestCase("10.0.0.5:8000")]
    public async Task The_page_and_its_stream_refuse_a_host_that_is_not_loopback(string host)
    {
        foreach (var path in (string[])["/_admin/inspector", "/_admin/inspector/events"])
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = host;
            using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        }
    }

    [Test]
    public async Task The_stream_refuses_another_sites_page()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/_admin/inspector/events");
        request.Headers.Add("Origin", "http://evil.example");
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

/// <summary>Without --admin there is no inspector.</summary>
public class InspectorAdminOffTests : ServerTestBase
{
    [TestCase("/_admin/inspector")]
    [TestCase("/_admin/inspector/events")]
    public async Task The_inspector_is_not_found_while_the_admin_api_is_off(string path)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path), HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

/// <summary>An open inspector must not hold the server up when it stops (a test suite's dispose, Ctrl+C).</summary>
public class InspectorShutdownTests
{
    [Test]
    public async Task Disposing_the_server_while_a_stream_is_open_completes_promptly_and_ends_the_stream()
    {
        var server = new FakeAuthServerFactory().WithAdminApi();
        var client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/_admin/inspector/events"),
            HttpCompletionOption.ResponseHeadersRead);
        using var events = new ServerSentEvents(response);
        await events.NextAsync("clock");

        var stopped = System.Diagnostics.Stopwatch.StartNew();
        await Task.Run(() => server.DisposeAsync().AsTask()).WaitAsync(TimeSpan.FromSeconds(10));

        stopped.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        await Should.ThrowAsync<Exception>(async () => { while (true) await events.NextAsync(TimeSpan.FromSeconds(5)); });
        client.Dispose();
    }

    [Test]
    public async Task Stopping_a_kestrel_server_while_a_browser_holds_a_stream_open_completes_promptly()
    {
        var server = new FakeAuthServerFactory().WithAdminApi();
        server.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var response = await client.GetAsync($"{address}/_admin/inspector/events", HttpCompletionOption.ResponseHeadersRead);
        using var events = new ServerSentEvents(response);
        await events.NextAsync("clock");

        var stopped = System.Diagnostics.Stopwatch.StartNew();
        await Task.Run(() => server.DisposeAsync().AsTask()).WaitAsync(TimeSpan.FromSeconds(20));

        stopped.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "Kestrel would otherwise wait its whole shutdown timeout");
        await Should.ThrowAsync<Exception>(async () => { while (true) await events.NextAsync(TimeSpan.FromSeconds(5)); });
    }
}
