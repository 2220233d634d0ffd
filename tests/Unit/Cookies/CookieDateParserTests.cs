using SessionClient;

namespace SessionKit.Tests.Unit.Cookies;

/// <summary>The §5.1.1 year pivots, the 1601 floor, every month name and the field bounds (issue 21, item 5).</summary>
public sealed class CookieDateParserTests
{
    [TestCase("Wed, 09 Jun 69 10:18:14 GMT", 2069)]
    [TestCase("Wed, 09 Jun 70 10:18:14 GMT", 1970)]
    [TestCase("Wed, 09 Jun 99 10:18:14 GMT", 1999)]
    [TestCase("Wed, 09 Jun 00 10:18:14 GMT", 2000)]
    [TestCase("Wed, 09 Jun 100 10:18:14 GMT", null)]
    [TestCase("Wed, 09 Jun 1601 10:18:14 GMT", 1601)]
    [TestCase("Wed, 09 Jun 1600 10:18:14 GMT", null)]
    public void Two_digit_years_pivot_at_70_and_years_before_1601_are_rejected(string date, int? year)
    {
        var parsed = CookieDateParser.Parse(date);

        (parsed?.Year).ShouldBe(year);
    }

    [TestCase("jan", 1)]
    [TestCase("Feb", 2)]
    [TestCase("MAR", 3)]
    [TestCase("April", 4)]
    [TestCase("may", 5)]
    [TestCase("Jun", 6)]
    [TestCase("July", 7)]
    [TestCase("Aug", 8)]
    [TestCase("Sept", 9)]
    [TestCase("oct", 10)]
    [TestCase("Nov", 11)]
    [TestCase("Dec", 12)]
    public void Every_month_name_is_recognised_by_its_first_three_letters(string month, int expected)
    {
        var parsed = CookieDateParser.Parse($"01 {month} 2030 00:00:00 GMT");

        parsed.ShouldBe(new DateTimeOffset(2030, expected, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [TestCase("Ju 01 2030 00:00:00")]
    [TestCase("01 Xyz 2030 00:00:00")]
    public void A_date_without_a_month_is_rejected(string date) => CookieDateParser.Parse(date).ShouldBeNull();

    [TestCase("31 Jan 2030 23:59:59", true)]
    [TestCase("32 Jan 2030 23:59:59", false)]
    [TestCase("00 Jan 2030 23:59:59", false)]
    [TestCase("31 Jan 2030 24:00:00", false)]
    [TestCase("31 Jan 2030 23:60:00", false)]
    [TestCase("31 Jan 2030 23:59:60", false)]
    [TestCase("29 Feb 2028 12:00:00", true)]
    [TestCase("29 Feb 2030 12:00:00", false)]
    public void Day_and_time_fields_must_be_in_range(string date, bool valid) =>
        (CookieDateParser.Parse(date) is not null).ShouldBe(valid);
}
