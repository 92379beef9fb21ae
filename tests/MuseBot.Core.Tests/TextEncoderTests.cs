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
}
