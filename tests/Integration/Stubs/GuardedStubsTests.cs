using System.Net;
using System.Net.Http.Json;
using System.Text;
using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Testing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SessionKit.Tests.Integration.Stubs;

/// <summary>WireMock.Net stubs behind the fake's guards: /account needs a session, /v1 a token with invoices.read, /public nothing.</summary>
public class GuardedStubsTests : StubTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory()
        .WithSessionLifetime(TimeSpan.FromMinutes(30))
        .WithUser("alice", "secret")
        .WithStubs(Stubs, guards => guards.Session("/account").Bearer("/v1", scope: "invoices.read"));

    private static void Stubs(WireMockServer wm)
    {
        wm.Given(Request.Create().WithPath("/account/orders").UsingGet().WithHeader("X-FakeAuth-User", "some_name"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { orders = new[] { "A-1", "A-2" } }));
        wm.Given(Request.Create().WithPath("/v1/invoices").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"invoices":[]}""").WithHeader("Content-Type", "application/json"));
        wm.Given(Request.Create().WithPath("/public/echo").UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("echo"));
        wm.Given(Request.Create().WithPath("/public/gone").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithBody("the stub's own 404"));
        wm.Given(Request.Create().WithPath("/public/missing-json").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json")
                .WithBodyAsJson(new { error = "no such order", detail = new string('x', 400) }));
    }

    [Test]
    public async Task A_session_guarded_stub_answers_200_with_a_live_session()
    {
        await LogInAsync();

        var response = await Client.GetAsync("/account/orders");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("A-2");
    }

    [Test]
    public async Task A_session_guarded_stub_answers_without_a_session_exactly_as_protected_does()
    {
        var protectedAnswer = await Client.GetAsync("/protected");

        var response = await Client.GetAsync("/account/orders");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldBe(await protectedAnswer.Content.ReadAsStringAsync());
        Server.Stubs.WireMock.LogEntries.ShouldBeEmpty(); // the guard answered; WireMock never saw it
    }

    [Test]
    public async Task A_session_guarded_stub_answers_401_once_the_clock_passes_the_session_lifetime()
    {
        await LogInAsync();
        (await Client.GetAsync("/account/orders")).StatusCode.ShouldBe(HttpStatusCode.OK);

        Server.Clock.Advance(TimeSpan.FromMinutes(31));

        (await Client.GetAsync("/account/orders")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_bearer_guarded_stub_answers_200_with_a_live_token_carrying_its_scope()
    {
        var token = await AccessTokenAsync("invoices.read");

        var response = await GetWithTokenAsync("/v1/invoices", token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"invoices":[]}""");
    }

    [Test]
    public async Task A_bearer_guarded_stub_is_told_the_tokens_user_and_scopes()
    {
        var token = await AccessTokenAsync("invoices.read profile");

        (await GetWithTokenAsync("/v1/invoices", token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var headers = Server.Stubs.WireMock.LogEntries.Single().RequestMessage.Headers!;
        headers["X-FakeAuth-User"].ShouldBe(["some_name"]);
        headers["X-FakeAuth-Scope"].ShouldBe(["invoices.read profile"]);
        headers.Keys.ShouldNotContain("X-FakeAuth-Client"); // a password login's token has no OAuth client
    }

    [Test]
    public async Task A_bearer_guarded_stub_without_a_token_answers_401_with_a_bearer_challenge()
    {
        var response = await Client.GetAsync("/v1/invoices");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
    }

    [Test]
    public async Task A_bearer_guarded_stub_answers_401_once_the_access_token_expires()
    {
        var token = await AccessTokenAsync("invoices.read");
        (await GetWithTokenAsync("/v1/invoices", token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        Server.Clock.Advance(TimeSpan.FromMinutes(16));

        var response = await GetWithTokenAsync("/v1/invoices", token);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("error=\"invalid_token\"");
    }

    [Test]
    public async Task A_bearer_guarded_stub_answers_403_to_a_token_without_its_scope()
    {
        var token = await AccessTokenAsync();

        var response = await GetWithTokenAsync("/v1/invoices", token);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("error=\"insufficient_scope\"");
    }

    [Test]
    public async Task A_path_under_no_guarded_prefix_reaches_its_stub_without_a_login()
    {
        (await Client.GetAsync("/public/echo")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_stub_is_told_the_logged_in_user_and_can_match_on_it()
    {
        await LogInAsync("alice", "secret");

        // The mapping matches X-FakeAuth-User: some_name only, so alice's request finds no stub.
        (await Client.GetAsync("/account/orders")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Server.Stubs.WireMock.LogEntries.Single().RequestMessage.Headers!["X-FakeAuth-User"].ShouldBe(["alice"]);
    }

    [Test]
    public async Task A_client_sent_user_header_is_replaced_by_the_logged_in_user()
    {
        await LogInAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/orders");
        request.Headers.Add("X-FakeAuth-User", "admin");

        (await Client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        Server.Stubs.WireMock.LogEntries.Single().RequestMessage.Headers!["X-FakeAuth-User"].ShouldBe(["some_name"]);
    }

    [Test]
    public async Task A_client_sent_user_header_on_an_open_path_never_reaches_the_stub()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/public/echo");
        request.Headers.Add("X-FakeAuth-User", "admin");
        request.Headers.Add("x-fakeauth-client", "spoofed");

        (await Client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var headers = Server.Stubs.WireMock.LogEntries.Single().RequestMessage.Headers!;
        headers.Keys.ShouldNotContain(k => k.StartsWith("X-FakeAuth-", StringComparison.OrdinalIgnoreCase));
    }

    [Test]
    public async Task WireMocks_admin_api_is_not_reachable_through_the_fake()
    {
        var mapping = new StringContent("""{"Request":{"Path":"/planted"},"Response":{"StatusCode":200}}""", Encoding.UTF8, "application/json");

        var post = await Client.PostAsync("/__admin/mappings", mapping);
        var list = await Client.GetAsync("/__admin/mappings");

        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        list.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client.GetAsync("/planted")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Server.Stubs.WireMock.LogEntries.Count(e => e.RequestMessage.Path.StartsWith("/__admin")).ShouldBe(0);
    }

    [Test]
    public async Task A_request_no_stub_matches_gets_the_fakes_404_problem_details()
    {
        var response = await Client.GetAsync("/public/nothing-here");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("No matching mapping");
    }

    [Test]
    public async Task A_stub_that_answers_404_itself_keeps_its_own_body()
    {
        var response = await Client.GetAsync("/public/gone");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldBe("the stub's own 404");
    }

    [Test]
    public async Task A_stubs_own_json_404_comes_through_whole()
    {
        var response = await Client.GetAsync("/public/missing-json");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await response.Content.ReadAsStringAsync()).ShouldBe($$"""{"error":"no such order","detail":"{{new string('x', 400)}}"}""");
    }

    [Test]
    public async Task A_stubbed_post_body_reaches_wiremock_byte_for_byte()
    {
        var body = """{"item":"Zürich ☕","qty":3,"note":"line1\nline2"}""";

        var response = await Client.PostAsync("/public/echo", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var received = Server.Stubs.WireMock.LogEntries.Single().RequestMessage;
        received.Method.ShouldBe("POST");
        received.BodyAsBytes.ShouldBe(Encoding.UTF8.GetBytes(body));
    }

    [Test]
    public async Task The_fakes_own_routes_still_answer_before_the_stubs()
    {
        (await Client.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Server.Stubs.WireMock.LogEntries.ShouldBeEmpty();
    }
}

/// <summary>Lockout guards the login in front of the stubs: a locked-out user gets no session, so no stub.</summary>
public class LockoutInFrontOfStubsTests : StubTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory()
        .ConfigureServices(s => s.PostConfigure<LockoutOptions>(o => o.MaxFailures = 3))
        .WithStubs(wm => wm.Given(Request.Create().WithPath("/account/orders")).RespondWith(Response.Create().WithBody("orders")),
            guards => guards.Session("/account"));

    [Test]
    public async Task After_three_wrong_passwords_even_the_right_one_is_refused_and_the_stub_stays_closed()
    {
        for (var i = 0; i < 3; i++)
            (await Client.PostAsync("/api/login", Form("some_name", "wrong"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var login = await Client.PostAsync("/api/login", Form("some_name", "pass"));

        login.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await Client.GetAsync("/account/orders")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Server.Stubs.WireMock.LogEntries.ShouldBeEmpty();
    }

    private static FormUrlEncodedContent Form(string username, string password) =>
        new(new Dictionary<string, string> { ["username"] = username, ["password"] = password });
}
