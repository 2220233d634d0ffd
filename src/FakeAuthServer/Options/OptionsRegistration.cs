using Microsoft.Extensions.Options;

namespace FakeAuthServer.Options;

/// <summary>
/// Every settings class is bound and checked the same way: from its configuration section, by one
/// <see cref="IValidateOptions{TOptions}"/> class that names each bad setting, at start, so a bad configuration stops
/// the server before it listens.
/// </summary>
public static class OptionsRegistration
{
    public static IServiceCollection AddCheckedOptions<TOptions, TValidator>(this IServiceCollection services,
        IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services;
    }
}
