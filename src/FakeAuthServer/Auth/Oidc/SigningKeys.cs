using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace FakeAuthServer.Auth.Oidc;

/// <summary>
/// The provider's signing keys, made at start (never read from disk: a fake needs no secrets of its own). One is
/// current and signs; a rotated-out key stays published for <see cref="OidcOptions.KeyGracePeriod"/> on the server
/// clock, so an app that cached the JWKS can be tested through a rotation.
/// </summary>
public sealed class SigningKeys
{
    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private readonly OidcOptions _options;
    private SigningKey _current;
    private List<(SigningKey Key, DateTimeOffset RetiredAt)> _retired = [];

    public SigningKeys(TimeProvider clock, IOptions<OidcOptions> options)
    {
        _clock = clock;
        _options = options.Value;
        _current = SigningKey.Create(_options.SigningAlgorithm);
    }

    public SigningKey Current
    {
        get { lock (_gate) return _current; }
    }

    /// <summary>The current key and those still in their grace period: what the JWKS publishes.</summary>
    public IReadOnlyList<SigningKey> Published
    {
        get
        {
            var now = _clock.GetUtcNow();
            lock (_gate)
            {
                _retired = [.. _retired.Where(r => now < r.RetiredAt + _options.KeyGracePeriod)];
                return [_current, .. _retired.Select(r => r.Key)];
            }
        }
    }

    /// <summary>Makes a new current key; the old one stays published for the grace period. Returns the new key id.</summary>
    public string Rotate()
    {
        var next = SigningKey.Create(_options.SigningAlgorithm);
        lock (_gate)
        {
            _retired.Add((_current, _clock.GetUtcNow()));
            _current = next;
        }
        return next.KeyId;
    }
}

/// <summary>One key pair with its id and algorithm; only its public half ever leaves the server.</summary>
public sealed class SigningKey
{
    private SigningKey(AsymmetricSecurityKey key, AsymmetricSecurityKey publicKey, string algorithm)
    {
        Algorithm = algorithm;
        KeyId = key.KeyId;
        Credentials = new SigningCredentials(key, algorithm);
        PublicKey = publicKey;
    }

    public string KeyId { get; }
    public string Algorithm { get; }
    public SigningCredentials Credentials { get; }

    /// <summary>The public half, as a relying party sees it in the JWKS.</summary>
    public AsymmetricSecurityKey PublicKey { get; }

    /// <summary>A fresh key that no JWKS ever published: for tokens a test wants refused.</summary>
    public static SigningKey Create(string algorithm)
    {
        var kid = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12));
        if (algorithm == SecurityAlgorithms.EcdsaSha256)
        {
            var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var publicEc = ECDsa.Create(ec.ExportParameters(includePrivateParameters: false));
            return new SigningKey(new ECDsaSecurityKey(ec) { KeyId = kid }, new ECDsaSecurityKey(publicEc) { KeyId = kid }, algorithm);
        }
        var rsa = RSA.Create(2048);
        var publicRsa = RSA.Create(rsa.ExportParameters(includePrivateParameters: false));
        return new SigningKey(new RsaSecurityKey(rsa) { KeyId = kid }, new RsaSecurityKey(publicRsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>The RFC 7517 JSON Web Key of the public half.</summary>
    public Dictionary<string, string> ToJwk()
    {
        var jwk = PublicKey switch
        {
            RsaSecurityKey rsa => JsonWebKeyConverter.ConvertFromRSASecurityKey(rsa),
            ECDsaSecurityKey ec => JsonWebKeyConverter.ConvertFromECDsaSecurityKey(ec),
            _ => throw new InvalidOperationException("Unknown key type."),
        };
        var fields = new Dictionary<string, string> { ["kty"] = jwk.Kty, ["use"] = "sig", ["kid"] = KeyId, ["alg"] = Algorithm };
        if (jwk.Kty == "RSA")
        {
            fields["n"] = jwk.N;
            fields["e"] = jwk.E;
        }
        else
        {
            fields["crv"] = jwk.Crv;
            fields["x"] = jwk.X;
            fields["y"] = jwk.Y;
        }
        return fields;
    }
}
