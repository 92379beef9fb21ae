using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;

namespace MuseBot.Host.Teams;

/// <summary>A request whose channel token could not be accepted, for whatever reason: always a 401.</summary>
public sealed class ChannelAuthenticationException(string reason) : Exception(reason);

/// <summary>
/// The SDK's channel authentication, made to fail closed and fast. Every failure (missing, malformed, expired,
/// badly signed or foreign token; signing keys unreachable or slow) becomes a <see cref="ChannelAuthenticationException"/>,
/// which the endpoint answers with 401 and one log line. The wait for the channel's signing keys is bounded, and
/// while they cannot be fetched only one request at a time waits to find out whether they are back: the others are
/// refused at once instead of queueing behind it. Once fetched, the keys are kept (the SDK's ConfigurationManager
/// keeps the last good metadata and refreshes it in the background).
/// </summary>
public sealed class ChannelAuthentication : BotFrameworkAuthentication
{
    private static readonly ConcurrentDictionary<TimeSpan, HttpClient> KeyFetchClients = new();

    private readonly BotFrameworkAuthentication _inner;
    private readonly TimeSpan _deadline;
    private int _keysUnavailable;
    private int _probing;

    /// <param name="inner">The SDK's authentication (ConfigurationBotFrameworkAuthentication).</param>
    /// <param name="keyFetchTimeout">The longest wait for one fetch of metadata or keys; a request waits at most two
    /// fetches (the metadata, then the keys) and a second.</param>
    public ChannelAuthentication(BotFrameworkAuthentication inner, TimeSpan keyFetchTimeout)
    {
        _inner = inner;
        _deadline = keyFetchTimeout * 2 + TimeSpan.FromSeconds(1);
    }

    /// <summary>
    /// Makes the SDK fetch channel metadata and keys with a client that gives up after <paramref name="timeout"/>
    /// instead of its own 100 s one. The SDK keeps one metadata manager per URL for the life of the process, made
    /// with the HttpClient of whoever asks for that URL first (JwtTokenExtractor's public constructor): asking first,
    /// at start, decides the client. The client is shared and never disposed, like the SDK's own.
    /// </summary>
    public static void BoundKeyFetches(IConfiguration configuration, TimeSpan timeout)
    {
        var client = KeyFetchClients.GetOrAdd(timeout, t => new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = t,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        }) { Timeout = t });
        string?[] urls =
        [
            configuration["ToBotFromChannelOpenIdMetadataUrl"],
            configuration["ToBotFromEmulatorOpenIdMetadataUrl"],
            AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
            AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
            GovernmentAuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
            GovernmentAuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
        ];
        foreach (var url in urls.Where(u => !string.IsNullOrWhiteSpace(u)).Distinct(StringComparer.Ordinal))
            _ = new JwtTokenExtractor(client, new TokenValidationParameters(), url!, AuthenticationConstants.AllowedSigningAlgorithms);
    }

    public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        GuardAsync(() => _inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken), cancellationToken);

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        GuardAsync(() => _inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken), cancellationToken);

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        GuardAsync(() => _inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken), cancellationToken);

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) => _inner.CreateConnectorFactory(claimsIdentity);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        _inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => _inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => _inner.GetOriginatingAudience();

    private async Task<T> GuardAsync<T>(Func<Task<T>> authenticate, CancellationToken cancellationToken)
    {
        bool probe = false;
        if (Volatile.Read(ref _keysUnavailable) == 1)
        {
            if (Interlocked.CompareExchange(ref _probing, 1, 0) != 0)
                throw new ChannelAuthenticationException("the channel's signing keys are unavailable (another request is fetching them)");
            probe = true;
        }
        try
        {
            var result = await authenticate().WaitAsync(_deadline, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _keysUnavailable, 0);
            return result;
        }
        catch (TimeoutException)
        {
            Volatile.Write(ref _keysUnavailable, 1);
            throw new ChannelAuthenticationException($"the channel's signing keys could not be fetched within {_deadline.TotalSeconds:0} s");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            if (IsKeyFetchFailure(e))
            {
                Volatile.Write(ref _keysUnavailable, 1);
                throw new ChannelAuthenticationException("the channel's signing keys could not be fetched: " + Describe(e));
            }
            // Signature, lifetime and audience checks run only once the keys are there.
            if (e is SecurityTokenException) Volatile.Write(ref _keysUnavailable, 0);
            throw new ChannelAuthenticationException(Describe(e));
        }
        finally
        {
            if (probe) Volatile.Write(ref _probing, 0);
        }
    }

    private static bool IsKeyFetchFailure(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or TaskCanceledException or TimeoutException or IOException) return true;
            // IDX20803: Unable to obtain configuration from the metadata address.
            if (current is InvalidOperationException && current.Message.StartsWith("IDX20803", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>What went wrong, in one line: the exception's type and the start of its message, and the root cause.</summary>
    private static string Describe(Exception e)
    {
        static string Short(Exception x, int max)
        {
            var message = x.Message.ReplaceLineEndings(" ");
            return $"{x.GetType().Name}: {(message.Length > max ? message[..max] + "…" : message)}";
        }
        var root = e;
        while (root.InnerException is not null) root = root.InnerException;
        return root == e ? Short(e, 240) : $"{Short(e, 160)} (cause: {Short(root, 160)})";
    }
}
