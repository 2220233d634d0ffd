using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SessionClient;

namespace SessionKit.Tests.Integration.Client;

public class HttpClientFactoryTests : InProcessSessionTestBase
{
    [Test]
    public async Task A_factory_client_with_session_cookies_logs_in_and_follows_redirects_with_its_cookies()
    {
        var jar = new CookieJar();
        var services = new ServiceCollection();
        services.AddHttpClient("fake", c => c.BaseAddress = new Uri("http://localhost/"))
            .ConfigurePrimaryHttpMessageHandler(() => Server.Server.CreateHandler())
            .AddSessionCookies(jar);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("fake");

        (await client.PostAsync("/api/login", new FormUrlEncodedContent(Demo))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/protected")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookies = await client.GetFromJsonAsync<JsonElement>("/cookies/set/flavour/ginger");

        jar.ToDictionary().Keys.ShouldBe(["user_id", "flavour"], ignoreOrder: true);
        cookies.GetProperty("cookies").GetProperty("flavour").GetString().ShouldBe("ginger");
    }
}
