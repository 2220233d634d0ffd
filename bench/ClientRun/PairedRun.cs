using System.Diagnostics;

namespace SessionKit.ClientRun;

/// <summary>
/// HttpSession and raw HttpClient in one process against one server. After a shared warm-up, each round gives each
/// client 1 login + N GETs, interleaved in blocks of <see cref="Block"/> requests that alternate client by client, so a
/// slow spell of the machine (they last tens of milliseconds here) falls on both alike; each client's round time is
/// the sum of its own blocks. The figure is the median over rounds of the per-round throughput ratio.
/// </summary>
internal static class PairedRun
{
    // 7 rounds of whole runs back to back gave 0.83x-1.02x for the same build on an idle machine (2026-12-01): a
    // round's two runs were ~170 ms apart, long enough for the machine's pace to change between them.
    private const int Rounds = 11;
    private const int Block = 50;

    public static async Task<int> RunAsync(Uri baseUrl, string path, int gets, int warmupMs)
    {
        await using var session = new SessionClientUnderTest(baseUrl);
        await using var raw = new RawClientUnderTest(baseUrl);
        IClient[] clients = [session, raw];
        try
        {
            var warmup = Stopwatch.StartNew();
            do
                await OneRoundAsync(clients, path, gets, first: 0);
            while (warmup.ElapsedMilliseconds < warmupMs);

            var times = new List<double>[] { [], [] };
            var ratios = new List<double>();
            for (var round = 0; round < Rounds; round++)
            {
                var elapsed = await OneRoundAsync(clients, path, gets, first: round % 2);
                times[0].Add(elapsed[0]);
                times[1].Add(elapsed[1]);
                ratios.Add(elapsed[1] / elapsed[0]); // throughput: raw time / session time
            }
            Console.WriteLine($"pair rounds={Rounds} block={Block} requests={gets + 1} ratio={Median(ratios):0.000} " +
                              $"session_ms={Median(times[0]):0.0} raw_ms={Median(times[1]):0.0} " +
                              $"ratios={Join(ratios, "0.000")} session_runs={Join(times[0], "0.0")} raw_runs={Join(times[1], "0.0")}");
            return 0;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            Console.Error.WriteLine($"client run failed: {e.Message}");
            return 1;
        }
    }

    /// <summary>Each client's login + <paramref name="gets"/> GETs, interleaved block by block; each one's ms.</summary>
    private static async Task<double[]> OneRoundAsync(IClient[] clients, string path, int gets, int first)
    {
        var elapsed = new double[clients.Length];
        var left = new int[clients.Length];
        for (var k = 0; k < clients.Length; k++)
        {
            var i = (first + k) % clients.Length;
            var stopwatch = Stopwatch.StartNew();
            await clients[i].LoginAsync("some_name", "pass");
            elapsed[i] += stopwatch.Elapsed.TotalMilliseconds;
            left[i] = gets;
        }
        for (var block = 0; left.Any(n => n > 0); block++)
        {
            for (var k = 0; k < clients.Length; k++)
            {
                // Alternate who goes first, so neither always follows the other's garbage.
                var i = (first + block + k) % clients.Length;
                var count = Math.Min(Block, left[i]);
                var stopwatch = Stopwatch.StartNew();
                for (var j = 0; j < count; j++) await clients[i].GetAsync(path);
                elapsed[i] += stopwatch.Elapsed.TotalMilliseconds;
                left[i] -= count;
            }
        }
        return elapsed;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Join(List<double> values, string format) => string.Join(',', values.Select(v => v.ToString(format)));
}
