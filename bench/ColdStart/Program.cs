extern alias reference;

using System.Diagnostics;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

// One measurement per process (run by bench/load/run-coldstart.sh): `fas` or `bare`. Prints
// "<kind> first_ms=<process start → first GET /cookies answered> second_ms=<a second factory in the same process,
// new → first answer>". The bare side is a WebApplicationFactory over bench/ReferenceServer (the three routes, nothing
// else), given the same content root and no logging providers, as FakeAuthServerFactory has.
var kind = args.Length == 1 ? args[0] : throw new ArgumentException("usage: ColdStart fas|bare");
var processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();

var jitLogFile = Environment.GetEnvironmentVariable("JITLOG");
using var jitLog = jitLogFile is null ? null : new JitLog();
var first = await FirstAnswerAsync(kind);
var firstMs = (DateTime.UtcNow - processStart).TotalMilliseconds;
if (jitLog is not null) File.WriteAllLines(jitLogFile!, jitLog.Methods);
// JIT work up to the first answer: the share of a cold start that precompiled (ReadyToRun) code would remove.
var jitMs = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
var loaded = AppDomain.CurrentDomain.GetAssemblies().Length;
var secondMs = await FirstAnswerAsync(kind);
var split = await SplitAsync(kind);
Console.WriteLine($"{kind} first_ms={firstMs:F1} second_ms={secondMs:F1} (first factory alone {first:F1}; a third: started {split.Started:F1} ms, first answer {split.Answered:F1} ms later; allocated_kb={split.AllocatedKb:F0}; to the first answer: jit_ms={jitMs:F0} jit_methods={jitMethods} assemblies={loaded})");

// Where a warm factory's time goes: host built and started (Server), then the first request (routing, endpoints).
// Allocation (every thread) from new factory to first answer: a deterministic figure where timings are not.
static async Task<(double Started, double Answered, double AllocatedKb)> SplitAsync(string kind)
{
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var started = Stopwatch.GetTimestamp();
    await using WebApplicationFactoryBase factory = kind == "fas" ? new FasFactory() : new BareFactory();
    factory.Start();
    var up = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    using var client = factory.Client();
    using var response = await client.GetAsync("/cookies");
    return (up, Stopwatch.GetElapsedTime(started).TotalMilliseconds - up, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0);
}

static async Task<double> FirstAnswerAsync(string kind)
{
    var started = Stopwatch.GetTimestamp();
    await using WebApplicationFactoryBase factory = kind switch
    {
        "fas" => new FasFactory(),
        "bare" => new BareFactory(),
        _ => throw new ArgumentException($"unknown kind {kind}"),
    };
    using var client = factory.Client();
    using var response = await client.GetAsync("/cookies");
    if ((int)response.StatusCode != 200) throw new InvalidOperationException($"{kind}: GET /cookies gave {(int)response.StatusCode}");
    _ = await response.Content.ReadAsStringAsync();
    return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

internal abstract class WebApplicationFactoryBase : IAsyncDisposable
{
    public abstract HttpClient Client();
    public abstract void Start();
    public abstract ValueTask DisposeAsync();
}

internal sealed class FasFactory : WebApplicationFactoryBase
{
    private readonly FakeAuthServerFactory _factory = new();
    public override HttpClient Client() => _factory.CreateClient();
    public override void Start() => _ = _factory.Server;
    public override ValueTask DisposeAsync() => _factory.DisposeAsync();
}

internal sealed class BareFactory : WebApplicationFactoryBase
{
    private sealed class Factory : WebApplicationFactory<reference::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseContentRoot(AppContext.BaseDirectory);
            builder.ConfigureLogging(logging => logging.ClearProviders());
        }
    }

    private readonly Factory _factory = new();
    public override HttpClient Client() => _factory.CreateClient();
    public override void Start() => _ = _factory.Server;
    public override ValueTask DisposeAsync() => _factory.DisposeAsync();
}
