namespace MuseBot.Core.Tests;

[Collection("engine")]
public class NoteVocabularyTests(EngineFixture fixture)
{
    [Theory]
    [InlineData("antrhopic", "anthropic")]   // a note word, letters swapped
    [InlineData("contxt", "context")]       // a note word, a letter dropped
    [InlineData("spendng", "spending")]     // part of a hyphenated note word ("capital-spending")
    [InlineData("socre", "score")]          // a question word the note never uses
    [InlineData("cuontries", "countries")]  // likewise: the note's silence on it must still show
    [InlineData("scor", "score")]           // GPT-2's vocabulary has it, but as a fragment of words, not a word
    [InlineData("capx", "capex")]           // a short word with a letter dropped from one note word
    [InlineData("opsu", "opus")]            // a short note word with two letters swapped
    [InlineData("muue", "muse")]            // one letter off a four-letter name of the note's
    [InlineData("meua", "meta")]
    [InlineData("mnmu", "mmmu")]            // … a name the note writes only inside a hyphenated one
    [InlineData("mea", "meta")]             // three letters, one dropped from a note word
    [InlineData("dae", "date")]             // three letters, one dropped from a question word
    [InlineData("figre", "figure")]         // a letter dropped is likelier than one added ("fire")
    [InlineData("diaidend", "dividend")]    // a word only GPT-2's vocabulary has, one slip away
    [InlineData("sats", "stats")]           // a short question word with a letter dropped
    [InlineData("timme-spent", "time-spent")] // a compound the note lacks: each part corrected
    [InlineData("run-rae", "run-rate")]     // a compound the note has: corrected whole
    [InlineData("mrta's", "meta")]          // a short word with its possessive: a note word one edit away
    [InlineData("copare", "compare")]       // "cop" and "are" run together, but a letter dropped is the likelier slip
    [InlineData("guidane", "guidance")]
    [InlineData("biger", "bigger")]         // no agent noun of a short adjective
    [InlineData("idx", "index")]            // a note word written without its vowels
    [InlineData("cntxt", "context")]
    [InlineData("monthy", "monthly")]      // a letter dropped from "-ly", not the noun and "-y"
    [InlineData("relased", "released")]    // a prefix and a rare word ("lased"): the slip is likelier
    [InlineData("countrys", "countries")]  // the plural of a word in -y after a consonant, typed -ys
    [InlineData("companys", "companies")]
    public void Typos_are_corrected_to_the_word_meant(string typo, string expected) =>
        Assert.Equal(expected, fixture.Engine.Index.Vocabulary.CorrectWord(typo));

    [Theory]
    [InlineData("GPUs")]          // first letters are not changed: "GPUs" is not "Opus"
    [InlineData("hallucination")] // a real word the note lacks stays as it is
    [InlineData("evals")]         // shorthand for a note word ("evaluation") is not a typo
    [InlineData("Gemini")]
    [InlineData("outlay")]        // two lexicon words run together: a real word, not "outlaw"
    [InlineData("dividend")]      // not in the WordPiece lexicon but English (GPT-2's vocabulary): not "divided"
    [InlineData("dividends")]
    [InlineData("grok")]          // a short name the note lacks, no note word a letter longer
    [InlineData("ceo")]           // a short word a lexicon has stays, however near a note word
    [InlineData("api")]
    [InlineData("poach")]         // a verb the lexicons know only inflected ("poaching"): not "porch"
    [InlineData("stickier")]      // the comparative of a word the lexicon has ("sticky"): not "sticker"
    [InlineData("riskiest")]
    [InlineData("xAI's")]         // a short name with its possessive is still a short word: not "xii"
    [InlineData("coders")]        // one who codes: a word the lexicons lack, not "covers"
    [InlineData("coder")]
    [InlineData("amt")]           // vowels dropped from a commoner English word ("amount") than the note's "ambient"
    [InlineData("touchy")]        // an adjective of a noun and "-y": not "touch"
    [InlineData("glitchy")]
    [InlineData("redoing")]       // a prefix and a common word: not "redding"
    [InlineData("plays")]         // -ys after a vowel is the plural as it is
    public void Real_words_and_shorthand_are_left_alone(string word) =>
        Assert.Null(fixture.Engine.Index.Vocabulary.CorrectWord(word));

    [Theory]
    [InlineData("how leng is the window?", "how long is the window?")]     // a degree where grammar wants one
    [InlineData("how log did it take?", "how long did it take?")]          // … even a real word that cannot stand there
    [InlineData("who overses the lab?", "who oversees the lab?")]          // a verb of leading after an opening "who"
    [InlineData("how popular is it?", "how popular is it?")]               // a degree word no slip away from another
    [InlineData("how log files are kept", "how log files are kept")]       // no verb or subject after it: not a degree
    [InlineData("who heard about it?", "who heard about it?")]             // an English word stays as typed after "who"
    [InlineData("WHEN DID IT LAUCH", "WHEN DID IT LAUNCH")]                // a shouted question stays shouted
    public void A_slip_where_grammar_wants_a_kind_of_word_is_read_as_that_kind(string typed, string expected) =>
        Assert.Equal(expected, fixture.Engine.Index.Vocabulary.Correct(typed));
}
