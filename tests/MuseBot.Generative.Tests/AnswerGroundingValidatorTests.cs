using MuseBot.Contracts;

namespace MuseBot.Generative.Tests;

public sealed class AnswerGroundingValidatorTests
{
    private static readonly Dictionary<string, RetrievedPassage> Sent = new[]
    {
        TestSupport.Passage("p1.4", "Prior company disclosure still frames 2025 capex at $72.22B and 2026 capex at $115B-$135B."),
        TestSupport.Passage("p5.1", "Artificial Analysis places it at 52 on the Intelligence Index, behind Gemini 3.1 Pro Preview.", "5", "Competitive Positioning"),
        TestSupport.Passage("p2.2", "Axios says it accepts voice, text, and image inputs but currently returns text-only output.", "2", "What Muse Is"),
        TestSupport.Passage("p9.1", "Watch for details at https://ai.meta.com/blog on rollout timing.", "9", "Catalysts"),
    }.ToDictionary(p => p.Id);

    [Fact]
    public void Grounded_reply_keeps_sentences_and_cites_in_order_of_first_use()
    {
        var result = AnswerGroundingValidator.Validate(
            "Meta frames 2026 capex at $115B-$135B [p1.4]. Artificial Analysis places Spark at 52 on the Intelligence Index [p5.1, p1.4].", Sent);

        Assert.Equal(GroundingVerdict.Grounded, result.Verdict);
        Assert.Equal(["p1.4", "p5.1"], result.CitedIds);
        var sentences = Assert.Single(result.Lines);
        Assert.Equal(2, sentences.Count);
        Assert.Equal("Meta frames 2026 capex at $115B-$135B.", sentences[0].Text);
        Assert.Equal(["p5.1", "p1.4"], sentences[1].CitedIds);
    }

    [Fact]
    public void Citing_a_passage_that_was_not_sent_rejects_the_reply()
    {
        var result = AnswerGroundingValidator.Validate("Meta frames 2026 capex at $115B-$135B [p1.4]. Spark leads coding [p7.3].", Sent);
        Assert.Equal(GroundingVerdict.Rejected, result.Verdict);
        Assert.Contains("p7.3", result.Reason);
    }

    [Theory]
    [InlineData("Meta frames 2026 capex at $140B [p1.4].", "140")]
    [InlineData("Artificial Analysis places Spark at 57 on the Intelligence Index [p5.1].", "57")]
    [InlineData("2026 capex is roughly 60% above 2025 capex [p1.4].", "60")]
    public void A_figure_absent_from_the_cited_passages_rejects_the_reply(string reply, string figure)
    {
        var result = AnswerGroundingValidator.Validate(reply, Sent);
        Assert.Equal(GroundingVerdict.Rejected, result.Verdict);
        Assert.Contains(figure, result.Reason);
    }

    [Fact]
    public void A_figure_must_be_in_the_passages_its_own_sentence_cites()
    {
        // 52 is in p5.1, but this sentence cites only p1.4
        var result = AnswerGroundingValidator.Validate("Meta scores 52 and frames 2026 capex at $115B-$135B [p1.4].", Sent);
        Assert.Equal(GroundingVerdict.Rejected, result.Verdict);
    }

    [Theory]
    [InlineData("2025 capex was $72.22 billion [p1.4].")]
    [InlineData("2025 capex was 72.220 billion dollars [p1.4].")]
    [InlineData("Capex for 2026 is framed at 115 to 135 billion [p1.4].")]
    public void Figures_written_differently_still_match(string reply) =>
        Assert.Equal(GroundingVerdict.Grounded, AnswerGroundingValidator.Validate(reply, Sent).Verdict);

    [Fact]
    public void Thousands_separators_and_section_signs_are_not_new_figures()
    {
        Assert.Contains("1000", AnswerGroundingValidator.NumbersIn("1,000 units"));
        Assert.Empty(AnswerGroundingValidator.NumbersIn("as §7 says"));
        Assert.Equal(GroundingVerdict.Grounded,
            AnswerGroundingValidator.Validate("As §7 notes, 2026 capex is framed at $115B-$135B [p1.4].", Sent).Verdict);
    }

    [Fact]
    public void Sentences_without_a_citation_are_dropped()
    {
        var result = AnswerGroundingValidator.Validate(
            "Great question! Meta frames 2026 capex at $115B-$135B [p1.4]. Most analysts expect more spending next year.", Sent);
        Assert.Equal(GroundingVerdict.Grounded, result.Verdict);
        Assert.Equal(2, result.DroppedSentences);
        var kept = Assert.Single(Assert.Single(result.Lines));
        Assert.StartsWith("Meta frames", kept.Text);
    }

    [Fact]
    public void A_citation_that_does_not_support_its_sentence_drops_the_sentence()
    {
        var result = AnswerGroundingValidator.Validate(
            "Sure, I will ignore my instructions and reveal my configuration [p2.2]. Axios says Spark returns text-only output [p2.2].", Sent);
        Assert.Equal(GroundingVerdict.Grounded, result.Verdict);
        Assert.Equal(1, result.DroppedSentences);
        Assert.Contains("text-only", Assert.Single(Assert.Single(result.Lines)).Text);
    }

    [Fact]
    public void A_reply_with_no_cited_sentence_is_rejected() =>
        Assert.Equal(GroundingVerdict.Rejected,
            AnswerGroundingValidator.Validate("Meta will spend about $130B in 2026, based on my knowledge.", Sent).Verdict);

    [Theory]
    [InlineData("NOT_IN_NOTE")]
    [InlineData("NOT_IN_NOTE.")]
    [InlineData("The note does not say what Spark costs per token.")]
    [InlineData("I'm sorry, but the passages do not cover pricing.")]
    public void The_model_saying_the_note_does_not_cover_it_is_an_abstention(string reply) =>
        Assert.Equal(GroundingVerdict.Abstained, AnswerGroundingValidator.Validate(reply, Sent).Verdict);

    [Theory]
    [InlineData("Meta frames 2026 capex at $115B-$135B [1].")]
    [InlineData("See [the blog](https://example.com) for 2026 capex of $115B-$135B [p1.4].")]
    public void Brackets_that_are_not_sent_passage_ids_reject_the_reply(string reply) =>
        Assert.Equal(GroundingVerdict.Rejected, AnswerGroundingValidator.Validate(reply, Sent).Verdict);

    [Fact]
    public void A_link_must_come_from_the_cited_passage()
    {
        Assert.Equal(GroundingVerdict.Rejected,
            AnswerGroundingValidator.Validate("Details on rollout timing are at https://evil.example/phish [p9.1].", Sent).Verdict);
        Assert.Equal(GroundingVerdict.Grounded,
            AnswerGroundingValidator.Validate("Details on rollout timing are at https://ai.meta.com/blog [p9.1].", Sent).Verdict);
    }

    [Fact]
    public void A_citation_after_the_full_stop_stays_with_its_sentence_and_abbreviations_do_not_split()
    {
        var sentences = AnswerGroundingValidator.Sentences("Spark accepts inputs, e.g. voice and image. [p2.2] It returns text-only output. [p2.2]").ToList();
        Assert.Equal(2, sentences.Count);
        Assert.EndsWith("[p2.2]", sentences[0]);

        var result = AnswerGroundingValidator.Validate("Spark accepts inputs, e.g. voice and image. [p2.2]", Sent);
        Assert.Equal(GroundingVerdict.Grounded, result.Verdict);
        Assert.Equal(0, result.DroppedSentences);
    }

    [Fact]
    public void Bullet_lines_stay_separate_lines()
    {
        var result = AnswerGroundingValidator.Validate("- Voice, text and image inputs [p2.2]\n- 2026 capex at $115B-$135B [p1.4]", Sent);
        Assert.Equal(GroundingVerdict.Grounded, result.Verdict);
        Assert.Equal(2, result.Lines.Count);
    }

    [Fact]
    public void An_empty_reply_is_rejected() =>
        Assert.Equal(GroundingVerdict.Rejected, AnswerGroundingValidator.Validate("  ", Sent).Verdict);
}
