using System.Net;
using EUeConformance.Protocols.Dns;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dns;

/// <summary>UDP size limits: whole records dropped, TC set only when a required RRset did not fit (RFC 2181 §9), OPT kept (RFC 6891 §7).</summary>
public class DnsTruncationTests
{
    internal static DnsMessage ManyAaaa(int count, bool withOpt = false)
    {
        var query = DnsMessage.Query(0x7c00, DnsName.Parse("tftp.example.net"), DnsType.Aaaa);
        var answers = Enumerable.Range(1, count)
            .Select(i => DnsRecord.Aaaa(DnsName.Parse("tftp.example.net"), 300, IPAddress.Parse($"2001:db8::{i:x}")))
            .ToArray();
        var response = DnsMessage.ResponseTo(query, answers);
        return withOpt ? response with { Additionals = [DnsRecord.Opt(1232)] } : response;
    }

    [Fact]
    public void Forty_AAAA_records_over_classic_UDP_are_cut_to_whole_records_with_TC_set()
    {
        var full = ManyAaaa(40);
        full.Encode().Length.Should().BeGreaterThan(512, "40 AAAA answers need 12 + 22 + 40 × 28 octets");

        byte[] wire = full.Encode(DnsEncodeOptions.Udp());
        wire.Length.Should().BeLessThanOrEqualTo(512);
        var cut = DnsMessage.Decode(wire);
        cut.Truncated.Should().BeTrue();
        // 12 header + 22 question = 34; each compressed AAAA answer is 2 + 10 + 16 = 28; (512 - 34) / 28 = 17.
        cut.Answers.Should().HaveCount(17).And.Equal(full.Answers.Take(17), "what is kept is a prefix of whole records");
        cut.Questions.Should().Equal(full.Questions);
    }

    [Fact]
    public void The_requestors_EDNS_payload_size_sets_the_limit_and_the_OPT_record_is_kept()
    {
        var full = ManyAaaa(60, withOpt: true);
        var query = DnsMessage.Query(0x7c00, DnsName.Parse("tftp.example.net"), DnsType.Aaaa, edns: new EdnsData(1232, 0, 0, false, 0, []));
        byte[] wire = full.Encode(DnsEncodeOptions.UdpReplyTo(query));
        wire.Length.Should().BeLessThanOrEqualTo(1232);
        var cut = DnsMessage.Decode(wire);
        cut.Truncated.Should().BeTrue();
        cut.Edns.Should().NotBeNull("RFC 6891 §7: the OPT record stays in a truncated response");
        // 1232 - 34 - 11 (OPT) = 1187; 1187 / 28 = 42 answers.
        cut.Answers.Should().HaveCount(42);
    }

    [Fact]
    public void A_message_that_fits_is_left_alone()
    {
        var small = ManyAaaa(3);
        small.Encode(DnsEncodeOptions.Udp()).Should().Equal(small.Encode());
        DnsMessage.Decode(small.Encode(DnsEncodeOptions.Udp())).Truncated.Should().BeFalse();
    }

    [Fact]
    public void Dropping_only_additional_data_does_not_set_TC()
    {
        var srv = DnsMessage.Decode(DnsSamples.SrvResponse);
        var glue = Enumerable.Range(1, 30).Select(i => DnsRecord.Aaaa(DnsName.Parse("kdc.basic.1"), 3600, IPAddress.Parse($"2001:db8::88:{i:x}")));
        var big = srv with { Additionals = [.. glue] };
        var cut = DnsMessage.Decode(big.Encode(DnsEncodeOptions.Udp()));
        cut.Answers.Should().Equal(srv.Answers, "the SRV answer, the required RRset, fits");
        cut.Additionals.Count.Should().BeLessThan(30);
        cut.Truncated.Should().BeFalse("RFC 2181 §9: TC is not set because extra information was left out");
    }

    [Fact]
    public void A_record_kept_after_a_dropped_one_never_points_into_the_dropped_octets()
    {
        // Each CNAME target brings a new suffix xN.example.net. 12 (header) + 19 (question) + 27 (OPT, set aside)
        // + 10 × 20 + 11 × 22 = 500: answers 0..20 fit, answer 21 (22 more) does not and is dropped after being
        // laid out. The OPT record (owner not the root here, so it compresses) is kept, and its owner
        // x21.example.net must not point at the suffix the dropped answer 21 would have brought.
        var m = new DnsMessage
        {
            IsResponse = true,
            Questions = [new DnsQuestion(DnsName.Parse("x.example.net"), DnsType.A)],
            Answers = [.. Enumerable.Range(0, 30).Select(i => DnsRecord.Cname(DnsName.Parse("x.example.net"), 1, DnsName.Parse($"n{i}.x{i}.example.net")))],
            Additionals = [new DnsRecord(DnsName.Parse("x21.example.net"), DnsType.Opt, (DnsClass)4096, 0, [])],
        };
        var cut = DnsMessage.Decode(m.Encode(DnsEncodeOptions.Udp()));
        cut.Truncated.Should().BeTrue();
        cut.Answers.Should().HaveCount(21);
        cut.Answers.Should().Equal(m.Answers.Take(cut.Answers.Count));
        cut.Additionals.Should().Equal(m.Additionals);
    }

    [Fact]
    public void Any_limit_gives_a_decodable_prefix_within_the_limit() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(DnsGenerators.Messages, Gen.Choose(64, 1500).ToArbitrary(), (m, limit) =>
        {
            byte[] wire = m.Encode(new DnsEncodeOptions { MaxSize = limit });
            var cut = DnsMessage.Decode(wire);
            bool dropped = cut.Questions.Count < m.Questions.Count || cut.Answers.Count < m.Answers.Count || cut.Authorities.Count < m.Authorities.Count;
            return wire.Length <= limit
                && cut.Questions.SequenceEqual(m.Questions.Take(cut.Questions.Count))
                && cut.Answers.SequenceEqual(m.Answers.Take(cut.Answers.Count))
                && cut.Authorities.SequenceEqual(m.Authorities.Take(cut.Authorities.Count))
                && cut.Truncated == (m.Truncated || dropped);
        }));
}
