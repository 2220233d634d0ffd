using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SessionClient;

namespace SessionKit.Benchmarks;

/// <summary>
/// SessionClient.CookieJar vs System.Net.CookieContainer holding the same <see cref="CookieCount"/> host-only cookies,
/// cookie i set by http://d{i % 1000}.example.com/ as "c{i}=v{i}". Every operation targets one host, d0.example.com.
/// GetCookieHeader: the Cookie header for http://d0.example.com/ (CookieCount / 1000 cookies match, at least 1).
/// SetCookies: one Set-Cookie from d0.example.com that replaces an existing cookie, so the store size stays constant.
/// Layout SharedSite is the layout: d{i}.example.com, all 1000 hosts under ONE registrable domain (example.com),
/// which is the jar's grouping key. DistinctSites uses d{i}.com instead (1000 registrable domains) to show how much of
/// the cost is that grouping.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(warmupCount: 2, iterationCount: 5, launchCount: 1)]
public class CookieJarBenchmarks
{
    private const int Domains = 1000;

    public enum HostLayout { SharedSite, DistinctSites }

    private CookieContainer _container = null!;
    private CookieJar _jar = null!;
    private int _counter;
    private Uri _target = null!;

    [Params(10, 1000, 10000)]
    public int CookieCount { get; set; }

    [Params(HostLayout.SharedSite, HostLayout.DistinctSites)]
    public HostLayout Layout { get; set; }

    private string Host(int d) => Layout == HostLayout.SharedSite ? $"d{d}.example.com" : $"d{d}.com";

    [GlobalSetup]
    public void Setup()
    {
        // Limits far above CookieCount on both sides, so neither evicts anything.
        var limit = CookieCount * 10 + 1000;
        _container = new CookieContainer(limit, limit, 4096);
        _jar = new CookieJar(options: new CookieJarOptions { MaxCookies = limit, MaxCookiesPerDomain = limit });

        var uris = Enumerable.Range(0, Domains).Select(d => new Uri($"http://{Host(d)}/")).ToArray();
        _target = uris[0];
        for (var i = 0; i < CookieCount; i++)
        {
            var uri = uris[i % Domains];
            var header = $"c{i}=v{i}; Path=/";
            _container.SetCookies(uri, header);
            _jar.SetCookies(uri, header);
        }

        if (_container.Count != CookieCount || _jar.Count != CookieCount)
            throw new InvalidOperationException(
                $"Stores differ: CookieContainer holds {_container.Count}, CookieJar {_jar.Count}, expected {CookieCount}.");
        var expected = _container.GetCookieHeader(_target);
        var actual = _jar.GetCookieHeader(_target);
        if (SortedPairs(expected) != SortedPairs(actual))
            throw new InvalidOperationException($"Headers for {_target} differ: CookieContainer '{expected}', CookieJar '{actual}'.");
    }

    private static string SortedPairs(string header) =>
        string.Join("; ", header.Split("; ", StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

    [BenchmarkCategory("GetCookieHeader"), Benchmark(Baseline = true)]
    public string GetCookieHeader_CookieContainer() => _container.GetCookieHeader(_target);

    [BenchmarkCategory("GetCookieHeader"), Benchmark]
    public string GetCookieHeader_CookieJar() => _jar.GetCookieHeader(_target);

    // Alternating values so every call is a real replacement, not a no-op.
    [BenchmarkCategory("SetCookies"), Benchmark(Baseline = true)]
    public void SetCookies_CookieContainer() =>
        _container.SetCookies(_target, (++_counter & 1) == 0 ? "c0=a; Path=/" : "c0=b; Path=/");

    [BenchmarkCategory("SetCookies"), Benchmark]
    public bool SetCookies_CookieJar() =>
        _jar.SetCookies(_target, (++_counter & 1) == 0 ? "c0=a; Path=/" : "c0=b; Path=/");
}
