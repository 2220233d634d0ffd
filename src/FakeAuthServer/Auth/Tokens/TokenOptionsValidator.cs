using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Tokens;

/// <summary>A bad token configuration stops the server at start rather than at the first login.</summary>
internal sealed class TokenOptionsValidator : IValidateOptions<TokenOptions>
{
    public ValidateOptionsResult Validate(string? name, TokenOptions options)
    {
        var errors = new List<string>();
        Positive(errors, "AccessTokenLifetime", options.AccessTokenLifetime);
        Positive(errors, "RefreshTokenLifetime", options.RefreshTokenLifetime);
        Positive(errors, "PurgeInterval", options.PurgeInterval);
        // expires_in is an integer number of seconds.
        if (options.AccessTokenLifetime.TotalSeconds > int.MaxValue)
            errors.Add($"{TokenOptions.Section}:AccessTokenLifetime is too long.");
        if (options.MaxTokens < 1) errors.Add($"{TokenOptions.Section}:MaxTokens must be at least 1 (was {options.MaxTokens}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero) errors.Add($"{TokenOptions.Section}:{name} must be positive (was {value}).");
    }
}
