using Microsoft.Playwright;

namespace SessionKit.Tests.Integration.Browser;

/// <summary>
/// Waits for a page to reach an address and load there. Not <c>WaitForURLAsync</c>: it checks the address, then
/// subscribes to the load event, and a load that lands between the two is lost, so it waits out its whole timeout
/// (microsoft/playwright-dotnet#3364; it failed a CI run here after a form POST's redirects). The address is
/// asserted by Playwright's retrying <c>ToHaveURLAsync</c>, and the load state is asked for in short waits: a load
/// state once reached is recorded, so the next wait finds it at once.
/// </summary>
internal static class PageArrival
{
    private const int Attempts = 15;
    private static readonly TimeSpan Each = TimeSpan.FromSeconds(1);

    public static async Task ArriveAtAsync(this IPage page, string url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = (float)(Attempts * Each).TotalMilliseconds });
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = (float)Each.TotalMilliseconds });
                return;
            }
            catch (TimeoutException) when (attempt < Attempts)
            {
            }
        }
    }
}
