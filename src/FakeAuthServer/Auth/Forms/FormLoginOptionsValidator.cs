using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Options;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Forms;

/// <summary>Stops the server at start on a bad idle timeout or an undecodable TOTP secret.</summary>
internal sealed class FormLoginOptionsValidator : IValidateOptions<FakeAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, FakeAuthOptions options)
    {
        var errors = new List<string>();
        if (options.IdleTimeout is { } idle && idle <= TimeSpan.Zero)
            errors.Add($"{FakeAuthOptions.Section}:IdleTimeout must be positive (was {idle}); leave it empty for none.");
        foreach (var (user, secret) in options.TwoFactor)
            if (secret is null || !Base32.TryDecode(secret, out _))
                errors.Add($"{FakeAuthOptions.Section}:TwoFactor:{user} is not a Base32 secret.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
