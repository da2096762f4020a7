using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EUeConformance.Protocols.Tls;

/// <summary>One user's credentials in a device profile: the private identity (IMPI), its public identity, the secret.</summary>
public sealed record BootstrapUser(string Impi, string Impu, string Password);

/// <summary>
/// The device profile a Certificate Bootstrapping Server delivers (EUE-PROV 6.6.5 ¶3: an XML document whose schema
/// PKT-EUE-DATA specifies). UNVERIFIED: PKT-EUE-DATA's schema is not among this project's sources, so the element names
/// below are this suite's own stand-in (namespace urn:eueconformance:cb-profile), carrying what 6.6.5 ¶17 says the document
/// holds: eUE credentials and user credentials. The reference eUE and the headend agree on it; a bench device would be
/// served the operator's real document instead.
/// </summary>
public sealed record BootstrapProfile(IReadOnlyList<BootstrapUser> Users, string? DeviceIdentity = null, string? DevicePassword = null)
{
    public const string ContentType = "application/xml";
    static readonly XNamespace Ns = "urn:eueconformance:cb-profile";

    public byte[] Encode()
    {
        var doc = new XDocument(new XElement(Ns + "eueProfile",
            DeviceIdentity is null ? null : new XElement(Ns + "device", new XElement(Ns + "identity", DeviceIdentity), new XElement(Ns + "password", DevicePassword ?? "")),
            Users.Select(u => new XElement(Ns + "user", new XElement(Ns + "impi", u.Impi), new XElement(Ns + "impu", u.Impu), new XElement(Ns + "password", u.Password)))));
        return Encoding.UTF8.GetBytes(doc.Declaration + doc.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>Reads a profile; null when the document is not one (not XML, or no user with an IMPI).</summary>
    public static BootstrapProfile? TryDecode(ReadOnlySpan<byte> xml)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new MemoryStream(xml.ToArray()), settings);
            var root = XDocument.Load(reader).Root;
            if (root is null || root.Name != Ns + "eueProfile") return null;
            var users = root.Elements(Ns + "user")
                .Select(u => new BootstrapUser((string?)u.Element(Ns + "impi") ?? "", (string?)u.Element(Ns + "impu") ?? "", (string?)u.Element(Ns + "password") ?? ""))
                .Where(u => u.Impi.Length > 0).ToList();
            if (users.Count == 0) return null;
            var device = root.Element(Ns + "device");
            return new BootstrapProfile(users, (string?)device?.Element(Ns + "identity"), (string?)device?.Element(Ns + "password"));
        }
        catch (XmlException) { return null; }
    }
}
