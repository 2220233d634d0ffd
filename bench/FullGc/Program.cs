using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// Usage: FullGc <pid>
// Makes a running .NET process run an induced, blocking, compacting gen2 GC, the way dotnet-gcdump does (an EventPipe
// session with the runtime's GCHeapCollect keyword), and prints the managed heap that survived it, read from that GC's
// GCHeapStats event: "gc_heap_bytes=N gen2=… loh=… poh=…". Live data, whatever the GC keeps committed. No change to
// the target process is needed, only its diagnostics port (on by default).
const long GcKeyword = 0x1, GcHeapCollectKeyword = 0x800000;

if (args.Length != 1 || !int.TryParse(args[0], out var pid) || pid <= 0)
{
    Console.Error.WriteLine("usage: FullGc <pid of a .NET process>");
    return 2;
}
try
{
    var client = new DiagnosticsClient(pid);
    var providers = new[] { new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword) };
    using var session = client.StartEventPipeSession(providers, requestRundown: false, circularBufferMB: 1);
    using var source = new EventPipeEventSource(session.EventStream);
    var inducedStarted = false;
    string? heap = null;
    source.Clr.GCStart += e => inducedStarted |= e.Reason == GCReason.Induced;
    source.Clr.GCHeapStats += e =>
    {
        if (!inducedStarted || heap is not null) return;
        heap = $"gc_heap_bytes={e.TotalHeapSize} gen0={e.GenerationSize0} gen1={e.GenerationSize1} gen2={e.GenerationSize2} " +
               $"loh={e.GenerationSize3} poh={e.GenerationSize4}";
        session.Stop();
    };
    // Bounded: if the GC's events never come, stop after 15 s and say so.
    using var timeout = new Timer(_ => { try { session.Stop(); } catch (Exception) { /* already stopped */ } }, null, 15_000, Timeout.Infinite);
    source.Process();
    if (heap is null)
    {
        Console.Error.WriteLine($"no induced GC was reported by process {pid} within 15 s");
        return 1;
    }
    Console.WriteLine(heap);
    return 0;
}
catch (Exception e) when (e is ServerNotAvailableException or DiagnosticsClientException or UnauthorizedAccessException or IOException)
{
    Console.Error.WriteLine($"could not reach the .NET diagnostics port of process {pid}: {e.Message}");
    return 1;
}
