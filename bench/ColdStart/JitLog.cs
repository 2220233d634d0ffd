using System.Diagnostics.Tracing;
internal sealed class JitLog : EventListener
{
    public readonly System.Collections.Concurrent.ConcurrentQueue<string> Methods = new();
    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x10);
    }
    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName == "MethodLoadVerbose_V2" || e.EventName == "MethodLoadVerbose_V1" || e.EventName=="MethodLoadVerbose")
        {
            var ns = e.Payload![e.PayloadNames!.IndexOf("MethodNamespace")]?.ToString();
            var name = e.Payload![e.PayloadNames!.IndexOf("MethodName")]?.ToString();
            var flags = Convert.ToInt32(e.Payload![e.PayloadNames!.IndexOf("MethodFlags")]);
            Methods.Enqueue($"{flags}\t{ns}::{name}");
        }
    }
}
