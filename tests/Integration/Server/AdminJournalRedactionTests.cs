using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FakeAuthServer.Testing;

namespace SessionKit.Tests.Integration.Server;

public class AdminJournalRedactionTests : ServerTestBase
{
    protected override FakeAuthServerFactory CreateServer() => new FakeAuthServerFactory().WithAdminApi();

    [Test]
    public async Task The_journal_shows_a_basic_auth_path_as_its_route_pattern_not_the_password()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/basic-auth/alice/s3cretPW");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("alice:s3cretPW")));
        (await Client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var journal = await Client.GetStringAsync("/_admin/requests");

        journal.ShouldNotContain("s3cretPW");
        JsonDocument.Parse(journal).RootElement.EnumerateArray().Select(e => e.GetProperty("path").GetString())
            .ShouldContain("/basic-auth/{user}/{passwd}");
    }
}
