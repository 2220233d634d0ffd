using System.Net;
using System.Net.Http.Json;
using FakeAuthServer.Guards;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SessionKit.Tests.Integration.Stubs;

/// <summary>Routes of the test's own (WithRoutes) behind .RequireSession() and .RequireBearer(scope).</summary>
public class GuardedRoutesTests : StubTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory()
        .WithSessionLifetime(TimeSpan.FromMinutes(30))
        .WithRoutes(endpoints =>
        {
            endpoints.MapGet("/account/orders", (AuthenticatedCaller caller) => Results.Ok(new { user = caller.User, orders = new[] { 1, 2 } }))
                .RequireSession();
            endpoints.MapGet("/v1/invoices", (HttpContext context) => Results.Ok(new
            {
                user = context.GetAuthenticatedCaller()!.User,
                scopes = context.GetAuthenticatedCaller()!.Scopes,
            })).RequireBearer(scope: "invoices.read");
        });

    [Test]
    public async Task A_session_guarded_route_answers_200_with_a_live_session_and_its_handler_knows_the_user()
    {
        await LogInAsync();

        var response = await Client.GetAsync("/account/orders");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"user":"some_name","orders":[1,2]}""");
    }

    [Test]
    public async Task A_session_guarded_route_answers_without_a_session_exactly_as_protected_does()
    {
        var protectedAnswer = await Client.GetAsync("/protected");

        var response = await Client.GetAsync("/account/orders");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.ToString().ShouldBe(protectedAnswer.Content.Headers.ContentType!.ToString());
        (await response.Content.ReadAsStringAsync()).ShouldBe(await protectedAnswer.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_session_guarded_route_answers_401_once_the_clock_passes_the_session_lifetime()
    {
        await LogInAsync();
        (await Client.GetAsync("/account/orders")).StatusCode.ShouldBe(HttpStatusCode.OK);

        Server.Clock.Advance(TimeSpan.FromMinutes(31));

        (await Client.GetAsync("/account/orders")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_bearer_guarded_route_answers_200_with_a_live_token_carrying_its_scope()
    {
        var token = await AccessTokenAsync("invoices.read profile");

        var response = await GetWithTokenAsync("/v1/invoices", token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"user":"some_name","scopes":["invoices.read","profile"]}""");
    }

    [Test]
    public async Task A_bearer_guarded_route_without_a_token_answers_401_with_a_bare_bearer_challenge()
    {
        var response = await Client.GetAsync("/v1/invoices");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer realm=\"FakeAuth\"");
    }

    [Test]
    public async Task A_bearer_guarded_route_answers_401_invalid_token_once_the_access_token_expires()
    {
        var token = await AccessTokenAsync("invoices.read");
        (await GetWithTokenAsync("/v1/invoices", token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        Server.Clock.Advance(TimeSpan.FromMinutes(16)); // access tokens live 15 minutes

        var response = await GetWithTokenAsync("/v1/invoices", token);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("error=\"invalid_token\"");
    }

    [Test]
    public async Task A_bearer_guarded_route_answers_403_insufficient_scope_to_a_live_token_without_its_scope()
    {
        var token = await AccessTokenAsync("profile");

        var response = await GetWithTokenAsync("/v1/invoices", token);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("error=\"insufficient_scope\"");
        response.Headers.WwwAuthenticate.ToString().ShouldContain("scope=\"invoices.read\"");
    }

    [Test]
    public async Task A_session_cookie_does_not_open_a_bearer_guarded_route()
    {
        await LogInAsync();

        (await Client.GetAsync("/v1/invoices")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_token_login_with_a_malformed_scope_is_a_400_naming_the_field()
    {
        var response = await Client.PostAsJsonAsync("/api/auth/login", new { username = "some_name", password = "pass", scope = "invoices.read \"all\"" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("scope is a space-separated list of scope names");
    }
}
