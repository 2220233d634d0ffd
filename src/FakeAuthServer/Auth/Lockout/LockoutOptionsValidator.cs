using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Lockout;

internal sealed class LockoutOptionsValidator : IValidateOptions<LockoutOptions>
{
    public ValidateOptionsResult Validate(string? name, LockoutOptions options) =>
        options.MaxFailures >= 1 && options.Window > TimeSpan.Zero && options.Duration > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("FakeAuth:Lockout needs MaxFailures >= 1 and positive Window and Duration.");
}
