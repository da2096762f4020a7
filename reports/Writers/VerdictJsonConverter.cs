using System.Text.Json;
using System.Text.Json.Serialization;
using EUeConformance.Reports.Model;

namespace EUeConformance.Reports.Writers;

/// <summary>Verdicts travel as their wire names ("not-applicable"), never as enum numbers or C# names, so report.json reads the same as every other report.</summary>
internal sealed class VerdictJsonConverter : JsonConverter<Verdict>
{
    public override Verdict Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"a verdict must be a string (pass, fail, inconclusive, not-applicable, error), not {reader.TokenType}");
        try { return VerdictOrder.ParseWire(reader.GetString()!); }
        catch (FormatException e) { throw new JsonException(e.Message, e); }
    }

    public override void Write(Utf8JsonWriter writer, Verdict value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToWire());
}
