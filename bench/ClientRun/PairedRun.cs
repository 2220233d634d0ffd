using System.Diagnostics;

namespace SessionKit.ClientRun;

/// <summary>
/// HttpSession and raw HttpClient in one process against one server: both warmed up, then timed runs of 1 login +
/// N GETs alternating client by client, so machine noise falls on both alike. Prints each client's median.
/// </summary>
internal static class PairedRun
{
    private const int Rounds = 7;

    public static async Task<int> RunAsync(Uri baseUrl, string path, int gets, int warmupMs)
    {
        await using var session = new SessionClientUnderTest(baseUrl);
        await using var raw = new RawClientUnderTest(baseUrl);
        IClient[] clients = [session, raw];
        try
        {
            var warmup = Stopwatch.StartNew();
            do
                foreach (var client in clients) await OneRunAsync(client, path, gets);
            while (warmup.ElapsedMilliseconds < warmupMs);

            var times = new List<double>[] { [], [] };
            for (var round = 0; round < Rounds; round++)
            {
                // Alternate who goes first, so neither always follows the other's garbage.
                for (var k = 0; k < clients.Length; k++)
                {
                    var i = (round + k) % clients.Length;
                    var stopwatch = Stopwatch.StartNew();
                    await OneRunAsync(clients[i], path, gets);
                    times[i].Add(stopwatch.Elapsed.TotalMilliseconds);
                }
            }
            Console.WriteLine($"pair rounds={Rounds} requests={gets + 1} session_ms={Median(times[0]):0.0} raw_ms={Median(times[1]):0.0} " +
                              $"session_runs={string.Join(',', times[0].Select(t => t.ToString("0.0")))} raw_runs={string.Join(',', times[1].Select(t => t.ToString("0.0")))}");
            return 0;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            Console.Error.WriteLine($"client run failed: {e.Message}");
            return 1;
        }
    }

    private static async Task OneRunAsync(IClient client, string path, int gets)
    {
        await client.LoginAsync("some_name", "pass");
        for (var i = 0; i < gets; i++) await client.GetAsync(path);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
