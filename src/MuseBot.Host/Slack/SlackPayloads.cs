using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MuseBot.Host.Slack;

/// <summary>Reading Slack's JSON safely.</summary>
public static class SlackJson
{
    /// <summary>
    /// Parses <paramref name="json"/> after replacing escaped lone surrogates ("\ud800" not followed by a low
    /// surrogate, or a low one on its own) with "\ufffd": they are valid JSON but not valid text, and reading them
    /// as strings throws. Throws <see cref="JsonException"/> when the text is not JSON.
    /// </summary>
    public static JsonDocument Parse(string json) => JsonDocument.Parse(RepairLoneSurrogateEscapes(json));

    public static string RepairLoneSurrogateEscapes(string json)
    {
        if (!json.Contains("\\u", StringComparison.Ordinal)) return json;
        var sb = new StringBuilder(json.Length);
        int i = 0;
        while (i < json.Length)
        {
            var c = json[i];
            if (c != '\\' || i + 1 >= json.Length) { sb.Append(c); i++; continue; }
            if (json[i + 1] != 'u' || !TryHex(json, i + 2, out var unit))
            {
                sb.Append(c).Append(json[i + 1]);   // any other escape, kept whole: an escaped backslash before a "u" is not a \u escape
                i += 2;
                continue;
            }
            if (char.IsHighSurrogate(unit) && i + 12 <= json.Length && json[i + 6] == '\\' && json[i + 7] == 'u'
                && TryHex(json, i + 8, out var low) && char.IsLowSurrogate(low))
            {
                sb.Append(json, i, 12);
                i += 12;
                continue;
            }
            sb.Append(char.IsSurrogate(unit) ? "\\ufffd" : json.Substring(i, 6));
            i += 6;
        }
        return sb.ToString();
    }

    private static bool TryHex(string s, int start, out char unit)
    {
        unit = '\0';
        if (start + 4 > s.Length) return false;
        if (!ushort.TryParse(s.AsSpan(start, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)) return false;
        unit = (char)value;
        return true;
    }
}

/// <summary>The parts of an Events API envelope the bot reads.</summary>
public sealed class SlackEnvelope
{
    public string? Type { get; private init; }
    public string? Challenge { get; private init; }
    public string? EventId { get; private init; }
    public string? TeamId { get; private init; }
    public string? MessageTs { get; private init; }
    public string? EnterpriseId { get; private init; }
    public bool IsEnterpriseInstall { get; private init; }

    /// <summary>The inner event's type ("app_mention", "message", "app_home_opened", ...).</summary>
    public string? EventType => _eventType;
    private string? _eventType, _channelType, _subtype, _user, _botId, _text, _channel, _threadTs, _tab;
    private string? _assistantChannel, _assistantThreadTs, _assistantUser;
    private List<string> _revokedBotUsers = [];
    private bool _edited, _hidden;
    private HashSet<string> _botUserIds = [];

    /// <summary>Parses the body (already checked to be UTF-8); throws <see cref="JsonException"/> when it is not a JSON object.</summary>
    public static SlackEnvelope Parse(string body)
    {
        using var doc = SlackJson.Parse(body);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException("Not an object.");
        var ev = root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
        var teamId = Str(root, "team_id") ?? (ev.ValueKind == JsonValueKind.Object ? Str(ev, "team") : null);
        var envelope = new SlackEnvelope
        {
            Type = Str(root, "type"),
            Challenge = Str(root, "challenge"),
            EventId = Str(root, "event_id"),
            TeamId = teamId,
            MessageTs = ev.ValueKind == JsonValueKind.Object ? Str(ev, "ts") : null,
            EnterpriseId = Str(root, "enterprise_id"),
            IsEnterpriseInstall = root.TryGetProperty("is_enterprise_install", out var ei) && ei.ValueKind == JsonValueKind.True,
        };
        if (ev.ValueKind == JsonValueKind.Object)
        {
            envelope._eventType = Str(ev, "type");
            envelope._channelType = Str(ev, "channel_type");
            envelope._subtype = Str(ev, "subtype");
            envelope._user = Str(ev, "user");
            envelope._botId = Str(ev, "bot_id");
            envelope._text = Str(ev, "text");
            envelope._channel = Str(ev, "channel");
            envelope._threadTs = Str(ev, "thread_ts");
            envelope._edited = ev.TryGetProperty("edited", out var ed) && ed.ValueKind == JsonValueKind.Object;
            envelope._hidden = ev.TryGetProperty("hidden", out var h) && h.ValueKind == JsonValueKind.True;
            envelope._tab = Str(ev, "tab");
            if (ev.TryGetProperty("assistant_thread", out var at) && at.ValueKind == JsonValueKind.Object)
            {
                envelope._assistantChannel = Str(at, "channel_id");
                envelope._assistantThreadTs = Str(at, "thread_ts");
                envelope._assistantUser = Str(at, "user_id");
            }
            if (ev.TryGetProperty("tokens", out var tokens) && tokens.ValueKind == JsonValueKind.Object
                && tokens.TryGetProperty("bot", out var bots) && bots.ValueKind == JsonValueKind.Array)
                envelope._revokedBotUsers = bots.EnumerateArray().Where(b => b.ValueKind == JsonValueKind.String).Select(b => b.GetString()!).ToList();
        }
        // The bot's own user ids in this workspace: its messages must never be answered.
        if (root.TryGetProperty("authorizations", out var auths) && auths.ValueKind == JsonValueKind.Array)
            foreach (var a in auths.EnumerateArray())
                if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("is_bot", out var isBot) && isBot.ValueKind == JsonValueKind.True && Str(a, "user_id") is { } uid)
                    envelope._botUserIds.Add(uid);
        return envelope;
    }

    /// <summary>
    /// The agent surface opening: the app's Messages tab (app_home_opened with tab "messages", the Agent messaging
    /// experience, agent_view) or a new assistant thread (assistant_thread_started, the older assistant_view). Null for
    /// anything else, the Home tab included.
    /// </summary>
    public SlackAgentOpened? ToAgentOpened()
    {
        if (_eventType == "app_home_opened" && _tab == "messages" && !string.IsNullOrEmpty(_channel) && !string.IsNullOrEmpty(_user))
            return new SlackAgentOpened(TeamId ?? "", _channel, null, _user, EnterpriseId);
        if (_eventType == "assistant_thread_started" && !string.IsNullOrEmpty(_assistantChannel) && !string.IsNullOrEmpty(_assistantThreadTs))
            return new SlackAgentOpened(TeamId ?? "", _assistantChannel, _assistantThreadTs, _assistantUser ?? "", EnterpriseId);
        return null;
    }

    /// <summary>The user moved to another channel while the agent was open. The bot answers about its note, not the
    /// channel in view, so these are acknowledged and set nothing.</summary>
    public bool IsContextChange => _eventType is "app_context_changed" or "assistant_thread_context_changed";

    /// <summary>The app was uninstalled from the workspace, or its bot token revoked: its installation must go.</summary>
    public bool RemovesInstallation => _eventType == "app_uninstalled" || (_eventType == "tokens_revoked" && _revokedBotUsers.Count > 0);

    /// <summary>The question to answer, or null with the reason the event is none of the bot's business.</summary>
    public SlackThreadQuestion? ToQuestion(out string ignoredBecause)
    {
        ignoredBecause = "";
        bool relevant = _eventType == "app_mention" || (_eventType == "message" && _channelType == "im");
        if (!relevant) { ignoredBecause = $"event type {_eventType}/{_channelType}"; return null; }
        if (_botId is not null || (_user is not null && _botUserIds.Contains(_user))) { ignoredBecause = "sent by a bot"; return null; }
        // Edits, joins, deletions, bot messages… arrive as subtypes; a reply also sent to the channel or a message with
        // a file is still a person asking.
        if (_subtype is not null and not ("thread_broadcast" or "file_share")) { ignoredBecause = $"subtype {_subtype}"; return null; }
        if (_edited || _hidden) { ignoredBecause = "an edit"; return null; }
        if (string.IsNullOrEmpty(_channel) || string.IsNullOrEmpty(MessageTs) || string.IsNullOrEmpty(_user))
        {
            ignoredBecause = "no channel, ts or user";
            return null;
        }
        // A direct message is the agent surface (the Messages tab): it gets a status while answering and a title.
        return new SlackThreadQuestion(TeamId ?? "", _channel, _threadTs ?? MessageTs, _user, SlackText.ToPlainQuestion(_text),
            Direct: _eventType == "message" && _channelType == "im", EnterpriseId: EnterpriseId);
    }

    internal static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>A click on one of our 👍/👎 buttons (a block_actions interactivity payload).</summary>
/// <param name="MessageTs">The ts of the message the buttons are on (container.message_ts).</param>
public sealed record SlackClick(bool Helpful, string? Value, string TeamId, string UserId, string? ChannelId, string? MessageTs, Uri? ResponseUrl)
{
    /// <summary>Null when the payload is not a click on a feedback button; throws <see cref="JsonException"/> on bad JSON.</summary>
    public static SlackClick? Parse(string payloadJson)
    {
        using var doc = SlackJson.Parse(payloadJson);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || SlackEnvelope.Str(root, "type") != "block_actions") return null;
        if (!root.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array) return null;
        foreach (var action in actions.EnumerateArray())
        {
            if (action.ValueKind != JsonValueKind.Object) continue;
            var id = SlackEnvelope.Str(action, "action_id");
            if (id is not (SlackBlockKitRenderer.HelpfulActionId or SlackBlockKitRenderer.UnhelpfulActionId)) continue;
            string? Nested(string obj, string field) =>
                root.TryGetProperty(obj, out var o) && o.ValueKind == JsonValueKind.Object ? SlackEnvelope.Str(o, field) : null;
            var user = Nested("user", "id");
            if (string.IsNullOrEmpty(user)) return null;
            Uri? responseUrl = Uri.TryCreate(SlackEnvelope.Str(root, "response_url"), UriKind.Absolute, out var u)
                && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) ? u : null;
            return new SlackClick(id == SlackBlockKitRenderer.HelpfulActionId, SlackEnvelope.Str(action, "value"),
                Nested("team", "id") ?? Nested("user", "team_id") ?? "", user, Nested("channel", "id") ?? Nested("container", "channel_id"),
                Nested("container", "message_ts") ?? Nested("message", "ts"), responseUrl);
        }
        return null;
    }
}
