using Microsoft.Extensions.Options;

namespace FakeAuthServer.Options;

/// <summary>Checks what data annotations cannot express, so a bad configuration stops the server at start.</summary>
internal sealed class FakeAuthOptionsValidator : IValidateOptions<FakeAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, FakeAuthOptions options)
    {
        var errors = new List<string>();
        if (options.SessionLifetime <= TimeSpan.Zero)
            errors.Add($"{FakeAuthOptions.Section}:SessionLifetime must be positive (was {options.SessionLifetime}).");
        if (options.SessionLifetime.TotalSeconds > int.MaxValue)
            errors.Add($"{FakeAuthOptions.Section}:SessionLifetime is too long for a cookie Max-Age.");
        if (options.PurgeInterval <= TimeSpan.Zero)
            errors.Add($"{FakeAuthOptions.Section}:PurgeInterval must be positive (was {options.PurgeInterval}).");
        Flaky.FlakyOptionsChecks.AddErrors(options.Flaky, errors);
        foreach (var (user, password) in options.Users)
        {
            if (string.IsNullOrWhiteSpace(user)) errors.Add($"{FakeAuthOptions.Section}:Users has an empty user name.");
            if (password is null) errors.Add($"{FakeAuthOptions.Section}:Users:{user} has no password.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
