using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using FakeAuthServer.Clock;
using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>
/// Runs a store's Lua script behind a check of the shared clock offset, in the same round trip: the script opens
/// with <see cref="Prelude"/>, which answers {0, offset} without touching anything when another instance has advanced
/// the clock past this one's offset; the clock then catches up and the script runs again with the new time. So a
/// request that reaches Redis only through such scripts sees every advance made before it, as the separate GET of
/// <see cref="SharedClockMiddleware"/> ensured, for one command instead of two.
/// KEYS[1] is the clock key and ARGV[1] this instance's offset (ticks); the store's own keys and arguments follow.
/// A successful script returns a table whose first element is not 0. The prelude also defines before(a, b): an exact
/// comparison of two tick strings (see <see cref="Ticks"/>).
/// </summary>
internal static class ClockCheckedScript
{
    public const string Prelude = """
        local shared = redis.call('GET', KEYS[1])
        if shared and tonumber(shared) > tonumber(ARGV[1]) then return {0, shared} end
        local function before(a, b) return #a < #b or (#a == #b and a < b) end
        """ + "\n";

    // Each retry follows an advance made during the previous attempt; more than a few in a row means a runaway.
    private const int MaxAttempts = 8;

    /// <summary>The script's answer and the server time its arguments were built with (after any catch-up).</summary>
    public readonly record struct Answer(RedisResult[] Result, DateTimeOffset Now, bool CaughtUp);

    public static Task<Answer> EvaluateAsync(IDatabase db, RedisKeys keys, TimeProvider clock, string script,
        RedisKey[] storeKeys, Func<DateTimeOffset, RedisValue[]> storeArgs) =>
        EvaluateAsync(db, keys, clock, script, now => (storeKeys, storeArgs(now)));

    /// <summary>As above, for a script whose keys too depend on the time (a new session's id is drawn with it).</summary>
    public static async Task<Answer> EvaluateAsync(IDatabase db, RedisKeys keys, TimeProvider clock, string script,
        Func<DateTimeOffset, (RedisKey[] Keys, RedisValue[] Args)> build)
    {
        var offsetClock = clock as OffsetClock; // anything else (a test's fake clock) has no shared offset to follow
        var caughtUp = false;
        for (var attempt = 1; ; attempt++)
        {
            var local = offsetClock?.Offset.Ticks ?? long.MaxValue;
            var now = clock.GetUtcNow();
            var (storeKeys, storeArgs) = build(now);
            var result = (RedisResult[])(await EvaluateByHashAsync(db, script, [keys.ClockOffset, .. storeKeys], [local, .. storeArgs]))!;
            if ((long)result[0] != 0) return new Answer(result, now, caughtUp);
            if (attempt == MaxAttempts || offsetClock is null)
                throw new InvalidOperationException("The shared clock offset kept moving while a store script ran.");
            offsetClock.CatchUpTo(TimeSpan.FromTicks((long)result[1]));
            caughtUp = true;
        }
    }

    // Keyed by reference: the scripts are constants, and hashing their text per request was measurable.
    private static readonly ConcurrentDictionary<string, byte[]> Sha1s = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// EVALSHA with the script's SHA-1 worked out once; EVAL (which loads it) only when Redis does not know it yet, as
    /// after a restart. The text overload of StackExchange.Redis does the same, with a lookup by the script's text
    /// and an extra async step on every call: these scripts run on every /protected and /api/me in Redis mode.
    /// </summary>
    private static async Task<RedisResult> EvaluateByHashAsync(IDatabase db, string script, RedisKey[] keys, RedisValue[] args)
    {
        var sha1 = Sha1s.GetOrAdd(script, static text => SHA1.HashData(Encoding.UTF8.GetBytes(text)));
        try
        {
            return await db.ScriptEvaluateAsync(sha1, keys, args);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return await db.ScriptEvaluateAsync(script, keys, args);
        }
    }

    /// <summary>Ticks as the scripts compare them: a decimal string (Lua numbers are doubles, exact only to 2^53).</summary>
    public static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
