using System.Reflection;
using System.Security.Cryptography;
using MuseBot.Core.Retrieval;

namespace MuseBot.Core.Tests;

public sealed class TextEncoderTests
{
    [Theory]
    [InlineData("all-MiniLM-L6-v2")]
    [InlineData("snowflake-arctic-embed-xs")]
    public void The_packaged_model_read_from_the_assembly_file_is_the_resource_byte_for_byte(string name)
    {
        // read with plain file reads (not the mapped assembly's view, which stays resident): found, and whole
        var model = EncoderModel.Named(name)!;
        using var fromFile = TextEncoder.FromAssemblyFile(model);
        Assert.NotNull(fromFile);
        using var resource = Assembly.Load(model.AssemblyName).GetManifestResourceStream(model.ModelResource)!;
        Assert.Equal(resource.Length, fromFile.Length);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(resource)), Convert.ToHexString(SHA256.HashData(fromFile)));
    }

    [Fact]
    public void Passages_encoded_in_batches_are_each_what_it_is_encoded_alone_in_the_order_given()
    {
        // batches are formed by length under a token budget: short texts share one, a long one runs alone
        string Long(string word) => string.Join(' ', Enumerable.Repeat(word + " and the quarter's figures", 40));
        string[] texts = ["Revenue rose.", Long("capacity"), "The launch was in spring.", "Costs", Long("pricing"), "A new model shipped to users in May."];
        using var encoder = new TextEncoder(EncoderModel.MiniLM);

        var together = encoder.EncodePassages(texts);

        Assert.Equal(texts.Length, together.Count);
        for (int i = 0; i < texts.Length; i++)
        {
            var alone = encoder.EncodePassage(texts[i]);
            Assert.Equal(alone.Words, together[i].Words);
            Assert.True(TextEncoder.Dot(alone.Vector, together[i].Vector) > 0.9999f, $"text {i} changed when batched");
        }
    }
}
