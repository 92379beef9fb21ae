using MuseBot.Host.Hosting;
using MuseBot.Host.Slack;
using MuseBot.Host.Teams;
using MuseBot.Host.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddMuseBot();       // the answer engine (extractive, or generative when Azure OpenAI is configured)
builder.AddTeamsBot();      // Bot Framework: CloudAdapter, ActivityHandler, conversation state
builder.AddSlack();         // Slack: Events API, slash command, interactivity
builder.AddMuseBotTelemetry(); // OpenTelemetry: OTLP / Azure Monitor when configured, /metrics when Telemetry:Prometheus

var app = builder.Build();
app.MapHealth();
app.MapWebChat();
app.MapTeamsBot();
app.MapSlack();
app.MapMuseBotTelemetry();
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
