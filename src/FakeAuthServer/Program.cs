using FakeAuthServer;
using FakeAuthServer.Admin;
using FakeAuthServer.Hosting;
using FakeAuthServer.Redis;
using Microsoft.Extensions.Options;

// --admin and --admin-any-address are plain switches, not configuration key=value pairs.
var admin = args.Contains("--admin");
var adminAnyAddress = args.Contains("--admin-any-address");
args = [.. args.Where(a => a is not ("--admin" or "--admin-any-address"))];
// --cert-out PATH writes the certificate generated for https to PATH (PEM) once the server listens.
(var certificateOut, args) = CertificateOut.Take(args);

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
if (adminAnyAddress) builder.Configuration.AddInMemoryCollection([new("FakeAuth:Admin:AllowAnyAddress", "true")]);
builder.Services.AddFakeAuthServer(builder.Configuration);
builder.UseGeneratedCertificateForUnconfiguredHttps(); // https without a dev certificate

var app = builder.Build();
// With FakeAuth:Store=redis, an unreachable Redis ends the start here, plainly, before anything listens.
if (app.Services.CheckStateStore() is { } problem)
{
    Console.Error.WriteLine($"FakeAuthServer cannot start: {problem}");
    return 1;
}
// The admin API has no authentication: off loopback only when confirmed, and then with a warning.
switch (AdminExposure.Judge(app.Configuration, app.Services.GetRequiredService<IOptions<AdminOptions>>().Value))
{
    case { Refusal: { } refusal }:
        Console.Error.WriteLine($"FakeAuthServer cannot start: {refusal}");
        return 1;
    case { Warning: { } warning }:
        Console.Error.WriteLine($"Warning: {warning}");
        break;
}
app.UseFakeAuthServer();
if (certificateOut is not null) CertificateOut.WriteWhenStarted(app, certificateOut);
app.Run();
return Environment.ExitCode;

/// <summary>Public so that WebApplicationFactory&lt;Program&gt; can host the server in-process.</summary>
public partial class Program;
