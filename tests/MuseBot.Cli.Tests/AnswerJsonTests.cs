using System.Text.Json;
using MuseBot.Contracts;

namespace MuseBot.Cli.Tests;

/// <summary>`ask --json` records which answerer replied and what the model cost, beside the eval contract's fields.</summary>
public sealed class AnswerJsonTests
{
    [Fact]
    public void A_model_phrased_answer_carries_its_path_latency_and_tokens()
    {
        var answer = new Answer("q", "the answer [1]", false, [new Citation("7", "Title", PassageKind.Sentence, "A quote.")], [])
        {
            Source = "generative",
            Model = new ModelCall("Grounded", TimeSpan.FromMilliseconds(812.34), 1900, 42, 2),
        };
        using var doc = JsonDocument.Parse(AnswerJson.ToLine(answer, "q"));
        var o = doc.RootElement;
        Assert.Equal("generative", o.GetProperty("source").GetString());
        var model = o.GetProperty("model");
        Assert.Equal("Grounded", model.GetProperty("outcome").GetString());
        Assert.Equal(812.3, model.GetProperty("latency_ms").GetDouble());
        Assert.Equal(1900, model.GetProperty("prompt_tokens").GetInt64());
        Assert.Equal(42, model.GetProperty("completion_tokens").GetInt64());
        Assert.Equal(2, model.GetProperty("requests").GetInt32());
        AskTests.AssertContractLine(AnswerJson.ToLine(answer, "q"), "q");
    }

    [Fact]
    public void An_extractive_answer_says_so_and_has_no_model_figures()
    {
        using var doc = JsonDocument.Parse(AnswerJson.ToLine(new Answer("q", "a quote", false, [], []), "q"));
        Assert.Equal("extractive", doc.RootElement.GetProperty("source").GetString());
        Assert.False(doc.RootElement.TryGetProperty("model", out _));
    }
}
