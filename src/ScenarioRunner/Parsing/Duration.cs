using System.Globalization;
using System.Text.RegularExpressions;

namespace ScenarioRunner.Parsing;

/// <summary>"31m", "1h30m", "90s", "250ms", "2d" or a .NET TimeSpan ("00:05:00").</summary>
public static partial class Duration
{
    [GeneratedRegex(@"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$")]
    private static partial Regex Units();

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var match = Units().Match(text.Trim());
        if (match.Success && text.Trim().Length > 0)
        {
            long Part(int group) => match.Groups[group].Success ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
            duration = TimeSpan.FromDays(Part(1)) + TimeSpan.FromHours(Part(2)) + TimeSpan.FromMinutes(Part(3))
                       + TimeSpan.FromSeconds(Part(4)) + TimeSpan.FromMilliseconds(Part(5));
            return true;
        }
        return text.Contains(':') && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
    }
}
