using EUeConformance.Reports.Writers;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Reports;

public class NaturalOrderTests
{
    [Fact]
    public void Sections_sort_as_the_specification_numbers_them()
    {
        string[] shuffled = ["A.1", "6.10", "6.2", "5", "6.1.1", "6.1", "A.10", "A.2", "10"];
        shuffled.Order(NaturalOrder.Instance).Should().Equal("5", "6.1", "6.1.1", "6.2", "6.10", "10", "A.1", "A.2", "A.10");
    }

    [Fact]
    public void Ids_sort_by_number()
    {
        string[] ids = ["EUE-PROV-10", "EUE-PROV-9", "EUE-PROV-100", "EUE-PROV-1"];
        ids.Order(NaturalOrder.Instance).Should().Equal("EUE-PROV-1", "EUE-PROV-9", "EUE-PROV-10", "EUE-PROV-100");
    }

    [Fact]
    public void Equal_values_with_leading_zeros_still_order_totally()
    {
        NaturalOrder.Instance.Compare("6.01", "6.1").Should().NotBe(0);
        NaturalOrder.Instance.Compare("6.1", "6.1").Should().Be(0);
        NaturalOrder.Instance.Compare("99999999999999999999999", "100000000000000000000000").Should().BeNegative();
    }
}
