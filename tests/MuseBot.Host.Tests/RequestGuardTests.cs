using System.Net;
using System.Text;
using MuseBot.Host.Tests.Infrastructure;

namespace MuseBot.Host.Tests;

/// <summary>What /api/messages refuses before the SDK sees it, and that refusals are clean statuses, never 500.</summary>
[Collection(HostCollection.Name)]
public sealed class RequestGuardTests(HostFixture hosts)
{
    [Fact]
    public async Task Body_over_256_KB_gets_413()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var activity = Activities.TeamsMessage(new string('x', 300 * 1024), hosts.Connector.ServiceUrl, expectReplies: true);

        using var response = await Activities.PostAsync(client, activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Chunked_body_over_256_KB_without_a_length_gets_413()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var json = Activities.TeamsMessage(new string('x', 300 * 1024), hosts.Connector.ServiceUrl, expectReplies: true).ToJsonString();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\": \"message\", ")]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"text\": \"no type\"}")]
    [InlineData("{\"type\": \"message\", \"conversation\": {\"id\": \"c\"}}")]
    [InlineData("{\"type\": \"message\", \"serviceUrl\": \"javascript:alert(1)\", \"conversation\": {\"id\": \"c\"}}")]
    public async Task Malformed_or_incomplete_activity_gets_400(string body)
    {
        using var client = hosts.Local.CreateLoopbackClient();
        using var response = await client.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Overlong_question_gets_a_friendly_reply()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var activity = Activities.TeamsMessage(new string('a', 5000), hosts.Connector.ServiceUrl, "personal", mentionBot: false, expectReplies: true);

        var reply = Assert.Single(await Activities.RepliesAsync(await Activities.PostAsync(client, activity)));

        Assert.Contains("too long", (string)reply["text"]!);
    }
}
