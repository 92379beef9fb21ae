using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MuseBot.Contracts;
using MuseBot.Core;

namespace MuseBot.Generative.Tests;

[Collection(NoteCollection.Name)]
public sealed class CompositionTests(NoteFixture note)
{
    private ServiceProvider Compose(Dictionary<string, string?> settings)
    {
        settings["MuseBot:SeedsPath"] = note.Options.SeedsPath;
        settings["MuseBot:IndexPath"] = note.Options.IndexPath;
        settings["MuseBot:SemanticSearch"] = "false";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddMuseBotEngine(configuration);
        services.AddSingleton(note.Engine);
        services.AddGenerativeAnswers(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Without_the_AzureOpenAI_section_answers_stay_extractive()
    {
        using var provider = Compose([]);
        Assert.Same(note.Engine.Answers, provider.GetRequiredService<IAnswerEngine>());
        Assert.Null(provider.GetService<GenerativeAnswerEngine>());
    }

    [Fact]
    public void With_the_section_the_generative_engine_answers_and_uses_a_managed_identity_when_no_key_is_given()
    {
        using var provider = Compose(new()
        {
            ["AzureOpenAI:Endpoint"] = "https://my-resource.openai.azure.com/",
            ["AzureOpenAI:Deployment"] = "gpt-4o",
        });
        Assert.IsType<GenerativeAnswerEngine>(provider.GetRequiredService<IAnswerEngine>());
        var options = provider.GetRequiredService<AzureOpenAIAnswerOptions>();
        Assert.True(options.UsesManagedIdentity);
        Assert.Equal(TimeSpan.FromSeconds(8), options.Timeout);
    }

    [Theory]
    [InlineData("my-resource.openai.azure.com", "gpt-4o", "not an absolute http(s) URL")]
    [InlineData("ftp://my-resource.openai.azure.com/", "gpt-4o", "not an absolute http(s) URL")]
    [InlineData("https://my-resource.openai.azure.com/", null, "AzureOpenAI:Deployment is missing")]
    [InlineData(null, "gpt-4o", "AzureOpenAI:Endpoint is empty")]
    public void A_bad_section_fails_at_start_with_a_message_that_says_what_to_fix(string? endpoint, string? deployment, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureOpenAI:Endpoint"] = endpoint,
            ["AzureOpenAI:Deployment"] = deployment,
        }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddGenerativeAnswers(configuration));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("500")]
    public void The_time_budget_must_be_sensible(string seconds)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureOpenAI:Endpoint"] = "https://my-resource.openai.azure.com/",
            ["AzureOpenAI:Deployment"] = "gpt-4o",
            ["AzureOpenAI:TimeoutSeconds"] = seconds,
        }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddGenerativeAnswers(configuration));
        Assert.Contains("TimeoutSeconds", error.Message);
    }

    [Fact]
    public void The_prompt_ships_inside_the_assembly() =>
        Assert.Contains("NOT_IN_NOTE", GenerativeAnswerEngine.SystemPrompt);
}
