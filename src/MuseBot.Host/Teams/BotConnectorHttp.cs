using System.Net;

namespace MuseBot.Host.Teams;

/// <summary>
/// The HttpClient the Bot Framework SDK uses to call the Bot Connector (replies, typing indicators): a timeout per
/// call and a bounded retry of calls that certainly did not arrive. A reply POST that may have arrived (timed out,
/// 500, 502, 504) is never sent again: the user would see the answer twice.
/// </summary>
public static class BotConnectorHttp
{
    public const string ClientName = "BotConnector";

    public static IServiceCollection AddBotConnectorHttp(this IServiceCollection services, BotOptions options)
    {
        services.AddTransient<SafeRetryHandler>(sp => new SafeRetryHandler(options.ConnectorRetries, sp.GetRequiredService<ILogger<SafeRetryHandler>>()));
        services.AddHttpClient(ClientName, client => client.Timeout = options.ConnectorTimeout)
            .AddHttpMessageHandler<SafeRetryHandler>();
        return services;
    }

    /// <summary>The SDK asks its IHttpClientFactory for the default client; this one hands out the connector's.</summary>
    public sealed class Factory(IHttpClientFactory inner) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => inner.CreateClient(ClientName);
    }

    /// <summary>Retries a call only when the connector certainly did not act on it.</summary>
    public sealed class SafeRetryHandler(int maxRetries, ILogger<SafeRetryHandler> log) : DelegatingHandler
    {
        private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(2);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (int attempt = 0; ; attempt++)
            {
                HttpResponseMessage response;
                try
                {
                    response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException e) when (attempt < maxRetries && e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
                {
                    // No connection: nothing was sent.
                    log.LogWarning("Bot Connector unreachable ({Error}); retry {Attempt} of {Max}", e.HttpRequestError, attempt + 1, maxRetries);
                    await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (attempt >= maxRetries || !ShouldRetry(request.Method, response.StatusCode)) return response;
                var wait = response.Headers.RetryAfter?.Delta is { } delta && delta <= MaxRetryAfter ? delta : Backoff(attempt);
                log.LogWarning("Bot Connector answered HTTP {Status} to {Method}; retry {Attempt} of {Max} in {Wait} ms",
                    (int)response.StatusCode, request.Method, attempt + 1, maxRetries, (int)wait.TotalMilliseconds);
                response.Dispose();
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>429 and 503 say the request was not processed; other 5xx may have been, so only idempotent methods retry on them.</summary>
        private static bool ShouldRetry(HttpMethod method, HttpStatusCode status) =>
            status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            || ((int)status >= 500 && (method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Head));

        private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(250 * (1 << attempt));
    }
}
