using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>Clients must be usable as configured: absolute redirect URIs without fragments (RFC 6749 §3.1.2), valid scopes.</summary>
internal sealed class OAuthOptionsValidator : IValidateOptions<OAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, OAuthOptions options)
    {
        var errors = new List<string>();
        var section = OAuthOptions.Section;
        if (options.CodeLifetime <= TimeSpan.Zero || options.CodeLifetime > TimeSpan.FromMinutes(10))
            errors.Add($"{section}:CodeLifetime must be between 0 and 10 minutes (was {options.CodeLifetime}).");
        foreach (var (id, client) in options.Clients)
        {
            var where = $"{section}:Clients:{id}";
            if (string.IsNullOrWhiteSpace(id) || id.Contains(':')) errors.Add($"{where}: client ids must be non-empty and have no ':'.");
            if (client is null)
            {
                errors.Add($"{where} is empty.");
                continue;
            }
            foreach (var uri in client.RedirectUris)
                if (!IsAbsoluteWithoutFragment(uri))
                    errors.Add($"{where}:RedirectUris has '{uri}', which is not an absolute URI without a fragment.");
            foreach (var uri in client.PostLogoutRedirectUris)
                if (!IsAbsoluteWithoutFragment(uri))
                    errors.Add($"{where}:PostLogoutRedirectUris has '{uri}', which is not an absolute URI without a fragment.");
            foreach (var scope in client.Scopes)
                if (!Scopes.IsValidToken(scope)) errors.Add($"{where}:Scopes has '{scope}', which is not a scope token.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // On Unix, Uri takes "/callback" for an absolute file URI; an explicit scheme before any '/' is required here.
    private static bool IsAbsoluteWithoutFragment(string uri)
    {
        var colon = uri.IndexOf(':');
        // Stryker disable once Equality : a slash at 0 already fails the letter check, and a slash never sits where the colon is
        return colon > 0 && char.IsAsciiLetter(uri[0]) && uri.IndexOf('/') is var slash && (slash < 0 || slash > colon) &&
               Uri.TryCreate(uri, UriKind.Absolute, out _) && !uri.Contains('#');
    }
}
