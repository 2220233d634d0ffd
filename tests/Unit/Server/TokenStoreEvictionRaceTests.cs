using FakeAuthServer.Auth.Tokens;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SessionKit.Tests.Unit.Server;

public class TokenStoreEvictionRaceTests
{
    [Test]
    public async Task Logins_racing_past_the_bound_all_get_tokens_while_one_of_them_evicts()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = new InMemoryTokenStore(clock, MsOptions.Create(new TokenOptions { MaxTokens = 200 }));
        var grant = new TokenGrant("alice", null, "", "f");
        var failures = 0;

        // Eviction snapshots the store while the other writers keep adding: a copy that read the count before
        // they added threw ArgumentException, which the server answered as a 500.
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25_000; i++)
            {
                try
                {
                    var now = clock.GetUtcNow();
                    await store.AddAsync(new StoredToken(TokenKind.Access, grant, now, now.AddMinutes(5 + (i % 7))));
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();
        await Task.WhenAll(writers);

        failures.ShouldBe(0);
        store.Count.ShouldBeLessThanOrEqualTo(200 + writers.Length);
    }
}
