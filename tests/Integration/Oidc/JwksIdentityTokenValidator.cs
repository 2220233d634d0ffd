using System.Security.Claims;
using Duende.IdentityModel.OidcClient;
using Duende.IdentityModel.OidcClient.Results;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SessionKit.Tests.Integration.Oidc;

/// <summary>
/// OidcClient leaves id_token signature checks to a plug-in (its own ships as a separate package, not served here);
/// this one is Microsoft.IdentityModel's handler against the provider's published JWKS, issuer and the client as audience.
/// </summary>
internal sealed class JwksIdentityTokenValidator(HttpClient http, string jwksUri) : IIdentityTokenValidator
{
    public async Task<IdentityTokenValidationResult> ValidateAsync(string identityToken, OidcClientOptions options, CancellationToken cancel = default)
    {
        var jwks = new JsonWebKeySet(await http.GetStringAsync(jwksUri, cancel));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(identityToken, new TokenValidationParameters
        {
            ValidIssuer = options.ProviderInformation.IssuerName,
            ValidAudience = options.ClientId,
            IssuerSigningKeys = jwks.Keys,
        });
        return result.IsValid
            ? new IdentityTokenValidationResult { User = new ClaimsPrincipal(result.ClaimsIdentity), SignatureAlgorithm = ((JsonWebToken)result.SecurityToken).Alg }
            : new IdentityTokenValidationResult { Error = result.Exception?.Message ?? "invalid id_token" };
    }
}
