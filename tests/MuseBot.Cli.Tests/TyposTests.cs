using MuseBot.Core.Language;
using MuseBot.Evaluation;

namespace MuseBot.Cli.Tests;

/// <summary>`eval --typos SEED`: one slip of the keyboard per question, repeatable.</summary>
public sealed class TyposTests
{
    private static readonly string[] Questions =
    [
        "What did Acme report on GadgetEval?",
        "how many widgets does zeta ship",
        "Where is the widget plant?",
    ];

    [Fact]
    public void Each_question_gets_one_word_mistyped_by_one_slip_keeping_its_first_and_last_letters()
    {
        var random = new Random(5);
        foreach (var question in Questions.Concat(Questions).Concat(Questions))
        {
            var typed = Typos.Slip(question, random);
            var before = question.Split(' ');
            var after = typed.Split(' ');
            Assert.Equal(before.Length, after.Length);
            var changed = before.Zip(after).Where(p => p.First != p.Second).ToList();
            var (word, slip) = Assert.Single(changed);
            Assert.True(word.Trim('?').Length >= 4, $"{word} → {slip}");
            Assert.InRange(Spelling.Distance(word, slip, 2), 1, 2); // a swap counts one, a struck letter one
            Assert.Equal(word[0], slip[0]);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_slips_and_stop_words_are_never_the_slip()
    {
        var items = Questions.Select((q, i) => new EvalItem($"q{i}", q, "fact", [], [], [], false, false)).ToList();
        var a = Typos.Apply(items, 42).Select(i => i.Question).ToList();
        var b = Typos.Apply(items, 42).Select(i => i.Question).ToList();
        Assert.Equal(a, b);
        Assert.Equal("What does this note say?", Typos.Slip("What does this note say?", new Random(1))); // every word of four letters is a stop word
    }
}
