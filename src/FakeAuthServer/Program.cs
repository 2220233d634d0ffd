using FakeAuthServer;
using FakeAuthServer.Admin;
using FakeAuthServer.Hosting;
using FakeAuthServer.Redis;

// --admin is a plain switch, not a configuration key=value pair.
var admin = args.Contains("--admin");
args = [.. args.Where(a => a != "--admin")];

// appsettings.json ships beside the binary: find it there whatever the working directory, unless told otherwise.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
        ? null : AppContext.BaseDirectory,
});

// The tutorials talk to http://localhost:8000; keep that unless --urls (or ASPNETCORE_URLS/HTTP_PORTS) says otherwise.
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) &&
    string.IsNullOrEmpty(builder.Configuration["HTTP_PORTS"]) &&
    string.IsNullOrEmpty(builder.Configuration["HTTPS_PORTS"]))
    builder.WebHost.UseUrls("http://localhost:8000");

if (admin) builder.Configuration.AddInMemoryCollection([new("FakeAuth:Admin:Enabled", "true")]);
builder.Services.AddFakeAuthServer(builder.Configuration);
builder.UseGeneratedCertificateForUnconfiguredHttps(); // https without a dev certificate

var app = builder.Build();
// With FakeAuth:Store=redis, an unreachable Redis ends the start here, plainly, before anything listens.
if (app.Services.CheckStateStore() is { } problem)
{
    Console.Error.WriteLine($"FakeAuthServer cannot start: {problem}");
    return 1;
}
app.UseFakeAuthServer();
app.Run();
return 0;

/// <summary>Public so that WebApplicationFactory&lt;Program&gt; can host the server in-process.</summary>
public partial class Program;
