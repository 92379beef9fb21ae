using System.Text;
using MuseBot.Host.Slack;

namespace MuseBot.Slack.Tests;

public class SlackRequestVerifierTests
{
    // Slack's worked example ("Verifying requests from Slack", api.slack.com/authentication/verifying-requests-from-slack):
    // signing secret, timestamp, the slash-command body and the signature it documents.
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
        + "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
        + "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset DocTime = DateTimeOffset.FromUnixTimeSeconds(1531420618);
    private static byte[] Body => Encoding.UTF8.GetBytes(DocBody);

    [Fact]
    public void Slacks_published_example_signs_and_verifies()
    {
        Assert.Equal(DocSignature, SlackRequestVerifier.Sign(DocSecret, DocTimestamp, Body));
        Assert.Equal(SlackVerification.Valid, SlackRequestVerifier.Verify(DocSecret, DocTimestamp, DocSignature, Body, DocTime.AddSeconds(30)));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(3600)]
    public void A_timestamp_more_than_five_minutes_away_is_refused(int secondsFromNow) =>
        Assert.Equal(SlackVerification.Stale, SlackRequestVerifier.Verify(DocSecret, DocTimestamp, DocSignature, Body, DocTime.AddSeconds(secondsFromNow)));

    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    public void A_timestamp_within_five_minutes_is_accepted(int secondsFromNow) =>
        Assert.Equal(SlackVerification.Valid, SlackRequestVerifier.Verify(DocSecret, DocTimestamp, DocSignature, Body, DocTime.AddSeconds(secondsFromNow)));

    [Fact]
    public void A_changed_body_secret_or_signature_is_refused()
    {
        var tampered = Encoding.UTF8.GetBytes(DocBody.Replace("text=", "text=x"));
        Assert.Equal(SlackVerification.BadSignature, SlackRequestVerifier.Verify(DocSecret, DocTimestamp, DocSignature, tampered, DocTime));
        Assert.Equal(SlackVerification.BadSignature, SlackRequestVerifier.Verify(DocSecret + "x", DocTimestamp, DocSignature, Body, DocTime));
        Assert.Equal(SlackVerification.BadSignature, SlackRequestVerifier.Verify(DocSecret, DocTimestamp, DocSignature[..^1] + "4", Body, DocTime));
        Assert.Equal(SlackVerification.BadSignature, SlackRequestVerifier.Verify(DocSecret, DocTimestamp, DocSignature.ToUpperInvariant().Replace("V0=", "v1="), Body, DocTime));
        Assert.Equal(SlackVerification.BadSignature, SlackRequestVerifier.Verify(DocSecret, DocTimestamp, "v0=zz" + DocSignature[5..], Body, DocTime));
        Assert.Equal(SlackVerification.BadSignature, SlackRequestVerifier.Verify(DocSecret, DocTimestamp, "v0=abc", Body, DocTime));
        // The timestamp is part of what is signed: another one with the same signature fails.
        Assert.Equal(SlackVerification.BadSignature, SlackRequestVerifier.Verify(DocSecret, "1531420619", DocSignature, Body, DocTime));
    }

    [Fact]
    public void Missing_or_malformed_headers_and_no_secret_are_refused()
    {
        Assert.Equal(SlackVerification.MissingHeaders, SlackRequestVerifier.Verify(DocSecret, null, DocSignature, Body, DocTime));
        Assert.Equal(SlackVerification.MissingHeaders, SlackRequestVerifier.Verify(DocSecret, DocTimestamp, "", Body, DocTime));
        Assert.Equal(SlackVerification.MalformedTimestamp, SlackRequestVerifier.Verify(DocSecret, "15314x0618", DocSignature, Body, DocTime));
        Assert.Equal(SlackVerification.MalformedTimestamp, SlackRequestVerifier.Verify(DocSecret, "-1531420618", DocSignature, Body, DocTime));
        Assert.Equal(SlackVerification.MalformedTimestamp, SlackRequestVerifier.Verify(DocSecret, "99999999999999999999", DocSignature, Body, DocTime));
        Assert.Equal(SlackVerification.NotConfigured, SlackRequestVerifier.Verify("", DocTimestamp, DocSignature, Body, DocTime));
    }
}
