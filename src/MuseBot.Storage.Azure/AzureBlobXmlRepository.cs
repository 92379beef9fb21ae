using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace MuseBot.Storage.Azure;

/// <summary>
/// The ASP.NET Core Data Protection key ring in a blob container every instance shares (the account's "-keys"
/// container), so that what one instance protects (a Slack bot token, an OAuth state) the others can read.
/// <para>
/// Each element Data Protection stores (a key, a revocation) is its own blob, written only if no blob of that name
/// exists (If-None-Match: *), named after the element (key-{guid}) or a new GUID: instances that create keys at the
/// same time never overwrite each other's, and nothing is read-modified-written. Keys are stored as Data Protection
/// writes them, not encrypted again: the storage account's access control (keys disabled, the app's identity the only
/// one with a data role) is what protects them. Wrapping them with a Key Vault key is a later option.
/// </para>
/// </summary>
public sealed partial class AzureBlobXmlRepository(BlobContainerClient container) : IXmlRepository
{
    public BlobContainerClient Container { get; } = container;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = new List<XElement>();
        try
        {
            foreach (var item in Container.GetBlobs())
            {
                if (!item.Name.EndsWith(".xml", StringComparison.Ordinal)) continue;
                try
                {
                    var content = Container.GetBlobClient(item.Name).DownloadContent().Value.Content;
                    elements.Add(XElement.Parse(Encoding.UTF8.GetString(content.ToMemory().Span)));
                }
                catch (RequestFailedException e) when (AzureStorageAccount.IsNotFound(e))
                {
                    // deleted since it was listed (by hand: Data Protection never deletes)
                }
            }
        }
        catch (RequestFailedException e) when (AzureStorageAccount.IsNotFound(e))
        {
            // no container yet: no keys yet
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var bytes = Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting));
        var name = SafeName().IsMatch(friendlyName ?? "") ? friendlyName! : Guid.NewGuid().ToString("N");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                Container.GetBlobClient(name + ".xml").Upload(new BinaryData(bytes), new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml" },
                });
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                name = (friendlyName is { Length: > 0 } && SafeName().IsMatch(friendlyName) ? friendlyName + "-" : "") + Guid.NewGuid().ToString("N");   // taken: never overwrite
            }
            catch (RequestFailedException e) when (AzureStorageAccount.IsNotFound(e))
            {
                Container.CreateIfNotExists();   // stored before the host created what it needs (a tool, a test)
            }
        }
        throw new InvalidOperationException($"Could not store the Data Protection element '{friendlyName}' in the container '{Container.Name}' after 3 attempts.");
    }

    /// <summary>Data Protection's own names ("key-{guid}", "revocation-{date}") are safe blob names; anything else is replaced by a GUID.</summary>
    [GeneratedRegex("^[A-Za-z0-9-]{1,200}$")]
    private static partial Regex SafeName();
}
