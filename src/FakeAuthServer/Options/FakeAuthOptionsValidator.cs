using Microsoft.Extensions.Options;

namespace FakeAuthServer.Options;

/// <summary>The FakeAuth section's checks, each naming its setting, so a bad configuration stops the server at start.</summary>
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
        if (options.IdleTimeout is { } idle && idle <= TimeSpan.Zero)
            errors.Add($"{FakeAuthOptions.Section}:IdleTimeout must be positive (was {idle}); leave it empty for none.");
        if (options.MaxSessions < 1)
            errors.Add($"{FakeAuthOptions.Section}:MaxSessions must be at least 1 (was {options.MaxSessions}).");
        if (options.MaxRequestBodyBytes < 1)
            errors.Add($"{FakeAuthOptions.Section}:MaxRequestBodyBytes must be at least 1 (was {options.MaxRequestBodyBytes}).");
        Flaky.FlakyOptionsChecks.AddErrors(options.Flaky, errors);
        foreach (var (user, password) in options.Users)
        {
            if (string.IsNullOrWhiteSpace(user)) errors.Add($"{FakeAuthOptions.Section}:Users has an empty user name.");
            if (password is null) errors.Add($"{FakeAuthOptions.Section}:Users:{user} has no password.");
        }
        foreach (var (user, secret) in options.TwoFactor)
            if (secret is null || !Auth.TwoFactor.Base32.TryDecode(secret, out _))
                errors.Add($"{FakeAuthOptions.Section}:TwoFactor:{user} is not a Base32 secret.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
