using EUeConformance.Protocols.ConfigFile;

namespace EUeConformance.Headend.Database;

/// <summary>
/// One file the Configuration Server serves over TFTP and HTTP (EUE-PROV 6.2.6, eUE-22/23): its
/// exact bytes, the model they were built from (when built with <see cref="ConfigFileBuilder"/>), and the
/// SHA-1 the provisioning server SETs in pktcMtaDevProvConfigHash (eUE-19: "a hash MUST be run on the
/// contents").
/// </summary>
public sealed record ConfigFileEntry(string Name, byte[] Content, EueConfigFile? Model = null)
{
    /// <summary>SHA-1 of the bytes as served (PKT-SEC1.5: over the file as downloaded).</summary>
    public byte[] Hash => ConfigFileHash.Compute(Content);

    /// <summary>
    /// The key <see cref="Content"/> was encrypted with (Secure flow, PKT-SEC1.5), or null for a plain file.
    /// The Provisioning Server SETs pktcMtaDevProvConfigKey only when there is one (eUE-19: never for a plain file).
    /// </summary>
    public byte[]? EncryptionKey { get; init; }

    /// <summary>A file from its model; with <paramref name="basicFlowHash"/> the hash TLV is inserted before the end (PKT-PROV1.5 §9.1).</summary>
    public static ConfigFileEntry FromModel(string name, EueConfigFile model, bool basicFlowHash = false)
    {
        var file = basicFlowHash ? ConfigFileHash.AddBasicFlowHash(model) : model;
        return new ConfigFileEntry(name, file.Encode(), file);
    }

    public static ConfigFileEntry FromBytes(string name, ReadOnlySpan<byte> content) => new(name, content.ToArray());
}
