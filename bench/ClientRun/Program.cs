using System.Diagnostics;
using SessionKit.ClientRun;

// Usage: ClientRun <session|raw|pair> <base-url> [gets=1999] [warmup-ms=1500] [path=/protected]
// pair: both .NET clients in this one process against the same server, their requests interleaved in blocks (11
// rounds), so the ratio is not at the mercy of what else the machine did meanwhile; prints the median ratio.
// One login then <gets> GETs of <path>, in sequence, every answer checked for 200; prints the timed run's elapsed ms.
// The warm-up runs first on the SAME client (so the server still sees only this client's connections): the same
// login + GETs, repeated until <warmup-ms> have passed, long enough for tiered JIT to settle; it is not timed.
var gets = 1999;
var warmupMs = 1500;
if (args.Length < 2 || args[0] is not ("session" or "raw" or "pair") || !Uri.TryCreate(args[1], UriKind.Absolute, out var baseUrl)
    || (args.Length > 2 && !int.TryParse(args[2], out gets)) || (args.Length > 3 && !int.TryParse(args[3], out warmupMs))
    || gets < 0 || warmupMs < 0)
{
    Console.Error.WriteLine("usage: ClientRun <session|raw|pair> <base-url> [gets=1999] [warmup-ms=1500] [path=/protected]");
    return 2;
}
var path = args.Length > 4 ? args[4] : "/protected";

if (args[0] == "pair") return await PairedRun.RunAsync(baseUrl, path, gets, warmupMs);

await using IClient client = args[0] == "session" ? new SessionClientUnderTest(baseUrl) : new RawClientUnderTest(baseUrl);
try
{
    var warmup = Stopwatch.StartNew();
    var warmupRequests = 0;
    do
    {
        await RunAsync(client, path, gets);
        warmupRequests += gets + 1;
    } while (warmup.ElapsedMilliseconds < warmupMs);
    var stopwatch = Stopwatch.StartNew();
    await RunAsync(client, path, gets);
    stopwatch.Stop();
    Console.WriteLine($"client={args[0]} requests={gets + 1} warmup_requests={warmupRequests} warmup_ms={warmup.ElapsedMilliseconds} elapsed_ms={stopwatch.Elapsed.TotalMilliseconds:0.0}");
    return 0;
}
catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
{
    Console.Error.WriteLine($"client run failed: {e.Message}");
    return 1;
}

static async Task RunAsync(IClient client, string path, int gets)
{
    await client.LoginAsync("some_name", "pass");
    for (var i = 0; i < gets; i++) await client.GetAsync(path);
}
