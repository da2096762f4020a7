using static EUeConformance.Tests.Protocols.Tftp.TftpBytes;

namespace EUeConformance.Tests.Protocols.Tftp;

/// <summary>Captured-looking datagrams of every kind, the seeds of fuzzing and round trips.</summary>
static class TftpSamples
{
    public static readonly IReadOnlyList<byte[]> All =
    [
        Of(1, "foobar\0octet\0blksize\01428\0"),
        Of(1, "eue-0010950000002.cfg\0octet\0blksize\01448\0tsize\00\0timeout\03\0"),
        Of(2, "upload.log\0NETASCII\0tsize\04096\0"),
        Of(1, "pxelinux.0\0octet\0"),
        Of(3, 1, new byte[] { 0x30, 0x82, 0x01, 0x0A, 0x02, 0x01, 0x00 }),
        Of(3, 2, Array.Empty<byte>()),
        Of(4, 0),
        Of(4, 513),
        Of(5, 1, "File not found\0"),
        Of(5, 8, "blksize refused\0"),
        Of(6, "blksize\01024\0tsize\02000\0timeout\03\0"),
    ];
}
