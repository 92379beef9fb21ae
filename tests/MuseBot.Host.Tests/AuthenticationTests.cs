using System.Net;
using System.Security.Cryptography;
using MuseBot.Host.Tests.Infrastructure;

namespace MuseBot.Host.Tests;

/// <summary>
/// With MicrosoftAppId set, every request needs a valid Bot Framework channel token. The tokens are signed with a
/// test RSA key whose JWKS the fake identity server publishes; the SDK validates them as it would in Azure.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AuthenticationTests(HostFixture hosts)
{
    private (HttpClient Client, System.Text.Json.Nodes.JsonObject Activity) Request()
    {
        var client = hosts.Authenticated.CreateLoopbackClient();
        var activity = Activities.TeamsMessage("How much did Meta spend on capex in 2025?", hosts.Connector.ServiceUrl, "personal", mentionBot: false, expectReplies: true);
        return (client, activity);
    }

    [Fact]
    public async Task Valid_token_is_answered()
    {
        var (client, activity) = Request();
        using var _ = client;
        var token = hosts.Identity.CreateToken(HostFixture.AppId, hosts.Connector.ServiceUrl.ToString());

        using var response = await Activities.PostAsync(client, activity, token);
        Assert.True(response.IsSuccessStatusCode, string.Join("\n", hosts.Authenticated.Logs.TakeLast(5)));
        var reply = Assert.Single(await Activities.RepliesAsync(response));

        Assert.NotNull(Activities.AiEntity(reply)?["citation"]);
    }

    [Fact]
    public async Task Missing_token_gets_401()
    {
        var (client, activity) = Request();
        using var _ = client;
        using var response = await Activities.PostAsync(client, activity);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Expired_token_gets_401()
    {
        var (client, activity) = Request();
        using var _ = client;
        var token = hosts.Identity.CreateToken(HostFixture.AppId, hosts.Connector.ServiceUrl.ToString(), expires: DateTime.UtcNow.AddMinutes(-30));
        using var response = await Activities.PostAsync(client, activity, token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_signed_with_another_key_gets_401()
    {
        var (client, activity) = Request();
        using var _ = client;
        using var otherKey = RSA.Create(2048);
        var token = hosts.Identity.CreateToken(HostFixture.AppId, hosts.Connector.ServiceUrl.ToString(), signWith: otherKey);
        using var response = await Activities.PostAsync(client, activity, token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_for_another_bot_gets_401()
    {
        var (client, activity) = Request();
        using var _ = client;
        var token = hosts.Identity.CreateToken(Guid.NewGuid().ToString(), hosts.Connector.ServiceUrl.ToString());
        using var response = await Activities.PostAsync(client, activity, token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_from_another_issuer_or_garbage_gets_401()
    {
        var (client, activity) = Request();
        using var _ = client;
        var foreign = hosts.Identity.CreateToken(HostFixture.AppId, hosts.Connector.ServiceUrl.ToString(), issuer: "https://evil.example");
        using var r1 = await Activities.PostAsync(client, activity, foreign);
        using var r2 = await Activities.PostAsync(client, activity, "not-a-jwt");
        Assert.Equal(HttpStatusCode.Unauthorized, r1.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, r2.StatusCode);
    }
}
