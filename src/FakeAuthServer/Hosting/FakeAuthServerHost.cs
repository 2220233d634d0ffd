using System.Reflection;
using FakeAuthServer.Admin;
using FakeAuthServer.Redis;
using FakeAuthServer.Stubs;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Hosting;

/// <summary>
/// The standalone server's whole start: <c>dotnet run --project src/FakeAuthServer</c>, the <c>fakeauth</c> tool and the
/// self-contained binary all run this, so they take the same options. Returns the process exit code.
/// </summary>
public static class FakeAuthServerHost
{
    /// <summary>The defaults (demo users, OAuth clients, limits) travel inside the assembly: a package or a single-file
    /// binary needs no appsettings.json beside it. A file there still overrides them, and so do the environment and
    /// the command line.</summary>
    private const string DefaultsResource = "FakeAuthServer.appsettings.json";

    public static int Run(string[] args)
    {
        if (args.Contains("--version"))
        {
            Console.Out.WriteLine(Version);
            return 0;
        }

        // --admin and --admin-any-address are plain switches, not configuration key=value pairs.
        var admin = args.Contains("--admin");
        var adminAnyAddress = args.Contains("--admin-any-address");
        args = [.. args.Where(a => a is not ("--admin" or "--admin-any-address"))];
        // --cert-out PATH writes the certificate generated for https to PATH (PEM) once the server listens.
        (var certificateOut, args) = CertificateOut.Take(args);
        // --stubs DIR: a folder of WireMock static mappings, served behind the fake's guards (FakeAuth:Stubs).
        (var stubsFolder, args) = StubsArgument.Take(args);

        // appsettings.json ships beside the binary: find it there whatever the working directory, unless told otherwise.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
                ? null : AppContext.BaseDirectory,
        });
        AddDefaults(builder.Configuration);

        // The tutorials talk to http://localhost:8000; keep that unless --urls (or ASPNETCORE_URLS/HTTP_PORTS) says otherwise.
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) &&
            string.IsNullOrEmpty(builder.Configuration["HTTP_PORTS"]) &&
            string.IsNullOrEmpty(builder.Configuration["HTTPS_PORTS"]))
            builder.WebHost.UseUrls("http://localhost:8000");

        if (admin) builder.Configuration.AddInMemoryCollection([new("FakeAuth:Admin:Enabled", "true")]);
        if (adminAnyAddress) builder.Configuration.AddInMemoryCollection([new("FakeAuth:Admin:AllowAnyAddress", "true")]);
        if (stubsFolder is not null) builder.Configuration.AddInMemoryCollection([new($"{StubOptions.Section}:Mappings", stubsFolder)]);
        builder.Services.AddFakeAuthServer(builder.Configuration);
        // The stubs start before anything listens: a bad mapping file ends the start here, named.
        try
        {
            StubRegistration.StartConfiguredStubs(builder);
        }
        catch (StubMappingException e)
        {
            Console.Error.WriteLine($"FakeAuthServer cannot start: {e.Message}");
            return 1;
        }
        builder.UseGeneratedCertificateForUnconfiguredHttps(); // https without a dev certificate

        using var app = builder.Build();
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
        try
        {
            app.Start();
        }
        catch (Exception e) when (e is IOException or FormatException or OptionsValidationException)
        {
            // An address taken or mistyped in --urls, or a bad setting found at start: unhandled, each was an abort
            // with a stack trace. (The host still logs the exception once before this line.)
            Console.Error.WriteLine($"FakeAuthServer cannot start: {e.Message}");
            return 1;
        }
        app.WaitForShutdown();
        return Environment.ExitCode; // a start-up step that stopped the server (--cert-out with nothing to write) set it
    }

    /// <summary>The version every SessionKit package and tool of this build carries.</summary>
    public static string Version =>
        typeof(FakeAuthServerHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "unknown";

    /// <summary>Puts the embedded appsettings.json under every other source, so they all override it.</summary>
    private static void AddDefaults(ConfigurationManager configuration)
    {
        var stream = typeof(FakeAuthServerHost).Assembly.GetManifestResourceStream(DefaultsResource)
                     ?? throw new InvalidOperationException($"The {DefaultsResource} resource is missing from the build.");
        var defaults = new ConfigurationBuilder().AddJsonStream(stream).Build();
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = defaults.AsEnumerable().Where(pair => pair.Value is not null),
        });
    }
}
