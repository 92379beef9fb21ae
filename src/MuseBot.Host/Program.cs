using MuseBot.Core;
using MuseBot.Generative;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMuseBotEngine(builder.Configuration).AddGenerativeAnswers(builder.Configuration);

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
