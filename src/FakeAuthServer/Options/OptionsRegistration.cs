using Microsoft.Extensions.Options;

namespace FakeAuthServer.Options;

/// <summary>
/// Every settings class is bound and checked the same way: from its configuration section, by one
/// <see cref="IValidateOptions{TOptions}"/> class that names each bad setting, at start, so a bad configuration stops
/// the server before it listens.
/// </summary>
public static class OptionsRegistration
{
    /// <summary>
    /// The 0.1.0 entry point, kept for callers: it binds by reflection. The server's own settings are bound at their
    /// registration with the concrete type (<c>AddOptions&lt;T&gt;().Bind(section).CheckedBy&lt;T, TValidator&gt;()</c>),
    /// which the configuration binding generator turns into plain code, a large part of a cold start saved.
    /// </summary>
    public static IServiceCollection AddCheckedOptions<TOptions, TValidator>(this IServiceCollection services,
        IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        // What OptionsBuilder.Bind registers, spelled out: the binding generator refuses a Bind call on a generic type.
        var bound = configuration.GetSection(section);
        services.AddOptions<TOptions>().CheckedBy<TOptions, TValidator>();
        services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(new ConfigurationChangeTokenSource<TOptions>(bound));
        services.AddSingleton<IConfigureOptions<TOptions>>(new NamedConfigureFromConfigurationOptions<TOptions>(Microsoft.Extensions.Options.Options.DefaultName, bound));
        return services;
    }

    /// <summary>Checked by <typeparamref name="TValidator"/>, at start.</summary>
    public static OptionsBuilder<TOptions> CheckedBy<TOptions, TValidator>(this OptionsBuilder<TOptions> options)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        options.ValidateOnStart();
        options.Services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return options;
    }
}
