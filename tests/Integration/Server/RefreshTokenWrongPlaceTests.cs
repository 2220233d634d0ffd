using System.Net;

namespace SessionKit.Tests.Integration.Server;

/// <summary>A refresh token handed to the wrong endpoint or by the wrong client is refused without being spent or revoking its grant.</summary>
public class RefreshTokenWrongPlaceTests : TokenTestBase
{
    private static Dictionary<string, string> RefreshForm(string refresh, string? clientId = DemoApp)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh };
        if (clientId is not null) form["client_id"] = clientId;
        return form;
    }

    private async Task<string> OAuthRefreshTokenAsync() =>
        (await JsonOf(await ExchangeAsync(await CodeAsync()))).GetProperty("refresh_token").GetString()!;

    [Test]
    public async Task An_oauth_refresh_token_refused_at_the_login_refresh_endpoint_still_works_at_the_token_endpoint()
    {
        var refresh = await OAuthRefreshTokenAsync();

        (await RefreshAsync(refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await TokenAsync(RefreshForm(refresh))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_login_refresh_token_refused_at_the_oauth_token_endpoint_still_works_at_the_login_refresh_endpoint()
    {
        var refresh = (await TokenLoginAsync()).GetProperty("refresh_token").GetString()!;

        (await OAuthErrorOf(await TokenAsync(RefreshForm(refresh)))).ShouldBe("invalid_grant");

        (await RefreshAsync(refresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Another_clients_refresh_token_is_refused_and_stays_usable_by_its_own_client()
    {
        var refresh = await OAuthRefreshTokenAsync();

        (await OAuthErrorOf(await TokenAsync(RefreshForm(refresh, clientId: null), Basic("demo-service", "demo-service-secret"))))
            .ShouldBe("invalid_grant");

        (await TokenAsync(RefreshForm(refresh))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_spent_token_handed_in_by_another_client_does_not_revoke_the_owners_grant()
    {
        var refresh = await OAuthRefreshTokenAsync();
        var rotated = await JsonOf(await TokenAsync(RefreshForm(refresh)));

        (await OAuthErrorOf(await TokenAsync(RefreshForm(refresh, clientId: null), Basic("demo-service", "demo-service-secret"))))
            .ShouldBe("invalid_grant");

        (await MeAsync(rotated.GetProperty("access_token").GetString())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TokenAsync(RefreshForm(rotated.GetProperty("refresh_token").GetString()!))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
