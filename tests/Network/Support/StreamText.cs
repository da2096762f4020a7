using System.Text;

namespace EUeConformance.Tests.Network.Support;

/// <summary>Reading a known amount of text from a stream whose reads may return it in pieces, as TCP may.</summary>
public static class StreamText
{
    public static async Task<string> ReadAsync(Stream stream, int length)
    {
        var buffer = new byte[length];
        int filled = 0;
        while (filled < length)
        {
            int n = await stream.ReadAsync(buffer.AsMemory(filled));
            if (n == 0) break;
            filled += n;
        }
        return Encoding.ASCII.GetString(buffer, 0, filled);
    }

    public static async Task WriteAsync(Stream stream, string text) => await stream.WriteAsync(Encoding.ASCII.GetBytes(text));
}
