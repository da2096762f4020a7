using System.Globalization;
using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Protocols.Http;

namespace EUeConformance.Headend.Servers.Http;

/// <summary>
/// The Configuration Server's HTTP decisions (EUE-PROV 6.2.6, eUE-22/23 "TFTP or HTTP"; Annex A.1's HTTP
/// download capability): GET and HEAD of a file it has answer 200 with the bytes, an unknown file 404,
/// another method 405. Overrides may drop the answer, delay it, or set its "status".
/// </summary>
public sealed class HttpResponder(Func<string, byte[]?> files, OverrideSet? overrides = null)
{
    readonly ReplyComposer<HttpResponse> _composer = new(overrides ??= new OverrideSet(), Edit);

    public OverrideSet Overrides { get; } = overrides;

    public Decision<HttpResponse> Decide(HttpRequest request, IPEndPoint from) =>
        _composer.Compose(request.Method, null, notes =>
        {
            bool close = !request.KeepAlive;
            HttpResponse response;
            if (request.Method is not ("GET" or "HEAD")) response = HttpResponse.Error(405, "Method Not Allowed", close);
            else if (files(request.Path) is { } content)
            {
                notes.Add($"serving {request.Path} ({content.Length} bytes)");
                response = HttpResponse.Ok(content, close: close) with { OmitBody = request.Method == "HEAD" };
            }
            else
            {
                notes.Add($"no file '{request.Path}'");
                response = HttpResponse.Error(404, "Not Found", close);
            }
            return [new ReplyDraft<HttpResponse>("RESPONSE", null, _ => response, from, _ => null)];
        });

    static HttpResponse Edit(HttpResponse r, IReadOnlyList<Override> edits)
    {
        foreach (var f in edits.OfType<SetField>())
            r = f.Field == "status" ? r with { StatusCode = int.Parse(f.Value, CultureInfo.InvariantCulture), Reason = "Changed By Override" }
                : throw new ArgumentException($"'{f.Field}' is not an HTTP response field the headend can set (status)");
        return r;
    }
}
