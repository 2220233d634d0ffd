using Microsoft.Extensions.Options;

namespace FakeAuthServer.Redis;

internal sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Configuration))
            errors.Add("FakeAuth:Redis:Configuration is required when FakeAuth:Store=redis.");
        if (string.IsNullOrEmpty(options.KeyPrefix))
            errors.Add("FakeAuth:Redis:KeyPrefix must not be empty.");
        if (options.Timeout < TimeSpan.FromMilliseconds(100) || options.Timeout > TimeSpan.FromMinutes(1))
            errors.Add("FakeAuth:Redis:Timeout must be from 00:00:00.1 to 00:01:00.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
