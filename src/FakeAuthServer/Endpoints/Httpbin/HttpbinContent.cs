using System.Collections.Concurrent;

namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>httpbin's fixed bodies, embedded in the assembly (Content/, see its README.md).</summary>
internal static class HttpbinContent
{
    private static readonly ConcurrentDictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    public static byte[] Get(string name) => Cache.GetOrAdd(name, static n =>
    {
        using var stream = typeof(HttpbinContent).Assembly.GetManifestResourceStream($"httpbin/{n}")
                           ?? throw new InvalidOperationException($"httpbin/{n} is not embedded");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });
}
