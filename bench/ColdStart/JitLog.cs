using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

/// <summary>
/// Every method the JIT compiles, from the runtime's own events (JIT keyword, MethodLoadVerbose), as
/// "flags&lt;TAB&gt;Namespace::Name": for finding what a cold start pays for (JITLOG=FILE). Listening slows the process,
/// so a run with it is never a timing.
/// </summary>
internal sealed class JitLog : EventListener
{
    private const EventKeywords Jit = (EventKeywords)0x10;

    public ConcurrentQueue<string> Methods { get; } = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, Jit);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not ("MethodLoadVerbose" or "MethodLoadVerbose_V1" or "MethodLoadVerbose_V2") || e.Payload is not { } payload) return;
        object? Field(string name) => payload[e.PayloadNames!.IndexOf(name)];
        Methods.Enqueue($"{Convert.ToInt32(Field("MethodFlags"))}\t{Field("MethodNamespace")}::{Field("MethodName")}");
    }
}
