namespace SessionClient.Retries;

/// <summary>Transport settings by URL prefix; the longest matching prefix wins, as in requests.</summary>
internal sealed class MountTable
{
    // Copy-on-write: mounting is rare, lookups happen on every request from any thread.
    private volatile (string Prefix, MountedTransport Transport)[] _mounts = [];
    private readonly Lock _gate = new();

    public void Mount(string prefix, MountedTransport transport)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        lock (_gate)
        {
            // Stryker disable once Linq : two different prefixes of one length cannot both start the same URL, so their order never matters
            _mounts = [.. _mounts.Where(m => !m.Prefix.Equals(prefix, StringComparison.OrdinalIgnoreCase)).Append((prefix, transport))
                .OrderByDescending(m => m.Item1.Length)];
        }
    }

    public MountedTransport? Find(Uri url)
    {
        var mounts = _mounts;
        if (mounts.Length == 0) return null;
        var text = url.AbsoluteUri;
        foreach (var (prefix, transport) in mounts)
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return transport;
        return null;
    }
}
