using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace MuseBot.Host.Tests.Infrastructure;

/// <summary>
/// Stands in for login.botframework.com on 127.0.0.1: serves OpenID metadata and a JWKS (with Bot Framework's
/// per-key channel endorsements) over HTTPS, as the SDK requires, and signs channel tokens with a test RSA key.
/// The test process trusts its self-signed certificate (see <see cref="SharedCertificate"/>).
/// </summary>
public sealed class FakeBotFrameworkIdentity : IAsyncDisposable
{
    /// <summary>How the metadata and key endpoints behave.</summary>
    public enum Behaviour
    {
        Serve,

        /// <summary>Accept the request and never answer.</summary>
        Hang,

        /// <summary>Drop the connection: the metadata cannot be fetched.</summary>
        Abort,
    }

    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "musebot-test-key";

    private readonly WebApplication _app;
    private readonly RSA _signingKey = RSA.Create(2048);

    private FakeBotFrameworkIdentity(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public Uri MetadataUrl { get; private set; } = null!;

    public Behaviour Mode { get; set; } = Behaviour.Serve;

    /// <summary>Requests for metadata or keys so far.</summary>
    public int Fetches => Volatile.Read(ref _fetches);

    private int _fetches;

    /// <summary>Applies <see cref="Mode"/>; true when the request is to be served.</summary>
    private async Task<bool> BehaveAsync(HttpContext context)
    {
        Interlocked.Increment(ref _fetches);
        switch (Mode)
        {
            case Behaviour.Hang:
                try { await Task.Delay(Timeout.Infinite, context.RequestAborted); } catch (OperationCanceledException) { }
                return false;
            case Behaviour.Abort:
                context.Abort();
                return false;
            default:
                return true;
        }
    }

    public static async Task<FakeBotFrameworkIdentity> StartAsync()
    {
        var certificate = SharedCertificate.Value;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var identity = new FakeBotFrameworkIdentity(app, certificate);

        app.MapGet("/v1/.well-known/openidconfiguration", async (HttpContext context) => !await identity.BehaveAsync(context) ? Results.Empty : Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"https://{context.Request.Host}/v1/botframework.com/oauth2/v2.0/authorize",
            ["jwks_uri"] = $"https://{context.Request.Host}/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        app.MapGet("/v1/.well-known/keys", async (HttpContext context) =>
        {
            if (!await identity.BehaveAsync(context)) return Results.Empty;
            var p = identity._signingKey.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["kid"] = KeyId, ["alg"] = "RS256",
                        ["n"] = Base64UrlEncoder.Encode(p.Modulus!), ["e"] = Base64UrlEncoder.Encode(p.Exponent!),
                        ["endorsements"] = new[] { "msteams", "webchat", "emulator" },
                    },
                },
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        identity.MetadataUrl = new Uri(address.TrimEnd('/') + "/v1/.well-known/openidconfiguration");
        return identity;
    }

    /// <summary>A channel token as the Bot Connector sends it, with what a test wants wrong.</summary>
    public string CreateToken(string audience, string serviceUrl, DateTime? expires = null, RSA? signWith = null, string issuer = Issuer)
    {
        var key = new RsaSecurityKey(signWith ?? _signingKey) { KeyId = KeyId };
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        var token = new JwtSecurityToken(
            issuer: issuer,
            audience: audience,
            claims: [new Claim("serviceurl", serviceUrl)],
            notBefore: expiry.AddHours(-1),
            expires: expiry,
            signingCredentials: new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    /// <summary>
    /// One certificate for every fake identity server in the test process, trusted once: .NET reads the trusted
    /// roots again only every few seconds, so a certificate trusted just before a fetch may not be trusted yet.
    /// Removed from the store when the process exits.
    /// </summary>
    private static readonly Lazy<X509Certificate2> SharedCertificate = new(() =>
    {
        var certificate = CreateSelfSignedCertificate();
        TrustForThisUser(certificate);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Untrust(certificate);
        return certificate;
    });

    /// <summary>Waits (bounded) until this process accepts the server's certificate, as the host's fetches will.</summary>
    public async Task WaitUntilTrustedAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var mode = Mode;
            Mode = Behaviour.Serve;
            try
            {
                using var response = await client.GetAsync(MetadataUrl);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            finally
            {
                Mode = mode;
            }
            await Task.Delay(500);
        }
    }

    /// <summary>
    /// Makes this user trust the server's self-signed certificate, as a machine trusts login.botframework.com's.
    /// The SDK fetches OpenID metadata with its own HttpClient (no handler to inject) and insists on HTTPS, so the
    /// trust has to come from the platform: .NET on Linux trusts the CurrentUser\Root store. The certificate is
    /// for 127.0.0.1 only and valid for a day.
    /// </summary>
    private static void TrustForThisUser(X509Certificate2 certificate)
    {
        using var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(X509CertificateLoader.LoadCertificate(certificate.RawData));
    }

    private static void Untrust(X509Certificate2 certificate)
    {
        using var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        foreach (var c in store.Certificates.Find(X509FindType.FindByThumbprint, certificate.Thumbprint, validOnly: false))
            store.Remove(c);
    }

    private static X509Certificate2 CreateSelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs the private key in a form it can use on Linux: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _signingKey.Dispose();
    }
}
