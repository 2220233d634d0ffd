using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using SessionClient;

namespace SessionKit.Tests.Integration.Client;

/// <summary>Pooling proved from the server's side: it counts the TCP connections it accepts.</summary>
[NonParallelizable]
public class ConnectionPoolingTests
{
    [Test]
    public async Task Sequential_requests_to_one_origin_share_one_tcp_connection()
    {
        var connections = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0,
            listen => listen.Use(next => context => { Interlocked.Increment(ref connections); return next(context); })));
        await using var app = builder.Build();
        app.MapGet("/ping", () => "pong");
        await app.StartAsync();
        var url = app.Urls.Single();

        await using var session = new HttpSession();
        for (var i = 0; i < 50; i++)
            (await (await session.GetAsync($"{url}/ping")).Content.ReadAsStringAsync()).ShouldBe("pong");

        connections.ShouldBe(1);
        await app.StopAsync();
    }
}
