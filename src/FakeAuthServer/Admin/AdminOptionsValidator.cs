using Microsoft.Extensions.Options;

namespace FakeAuthServer.Admin;

internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options) =>
        options.JournalSize is >= 1 and <= 100_000
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("FakeAuth:Admin:JournalSize must be from 1 to 100000.");
}
