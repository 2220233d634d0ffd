using FakeAuthServer.Admin;
using FakeAuthServer.Admin.Inspector;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SessionKit.Tests.Unit.Server.Inspector;

/// <summary>The journal's live feed: what an inspector page subscribes to, bounded per subscriber.</summary>
public class RequestJournalFeedTests
{
    private static RequestJournal NewJournal() => new(MsOptions.Create(new AdminOptions()));

    private static RequestJournal.Entry Entry(string path) => new(DateTimeOffset.UnixEpoch, "GET", path, 200, 1);

    [Test]
    public void A_subscriber_receives_each_entry_recorded_after_it_subscribed_in_order()
    {
        var journal = NewJournal();
        journal.Add(Entry("/before"));
        using var subscription = journal.Subscribe();

        journal.Add(Entry("/one"));
        journal.Add(Entry("/two"));

        subscription.Reader.TryRead(out var first).ShouldBeTrue();
        subscription.Reader.TryRead(out var second).ShouldBeTrue();
        subscription.Reader.TryRead(out _).ShouldBeFalse();
        first!.Entry.Path.ShouldBe("/one");
        second!.Entry.Path.ShouldBe("/two");
    }

    [Test]
    public void A_subscriber_that_falls_a_whole_queue_behind_is_dropped_instead_of_growing_memory()
    {
        var journal = NewJournal();
        using var slow = journal.Subscribe(queueSize: 3);
        using var keeping = journal.Subscribe(queueSize: 100);

        for (var i = 0; i < 4; i++) journal.Add(Entry($"/r{i}"));

        slow.Dropped.ShouldBeTrue();
        slow.Reader.Completion.IsCompleted.ShouldBeFalse("the three queued entries are still readable");
        for (var i = 0; i < 3; i++) slow.Reader.TryRead(out _).ShouldBeTrue();
        slow.Reader.Completion.IsCompleted.ShouldBeTrue();
        journal.SubscriberCount.ShouldBe(1, "only the subscriber that keeps up stays");
        keeping.Dropped.ShouldBeFalse();
        keeping.Reader.Count.ShouldBe(4);
    }

    [Test]
    public void Disposing_a_subscription_unsubscribes_it()
    {
        var journal = NewJournal();
        var subscription = journal.Subscribe();
        journal.HasSubscribers.ShouldBeTrue();

        subscription.Dispose();

        journal.HasSubscribers.ShouldBeFalse();
        journal.Add(Entry("/after"));
        subscription.Reader.TryRead(out _).ShouldBeFalse();
    }

    [Test]
    public void Without_a_subscriber_the_request_is_never_inspected_but_still_journaled()
    {
        var journal = NewJournal();
        var inspected = 0;

        journal.Add(Entry("/quiet"), e => { inspected++; return InspectedRequest.Bare(e); });

        inspected.ShouldBe(0);
        journal.Snapshot().Single().Path.ShouldBe("/quiet");
    }

    [Test]
    public void An_entry_the_inspector_leaves_out_is_journaled_but_not_fed()
    {
        var journal = NewJournal();
        using var subscription = journal.Subscribe();

        journal.Add(Entry("/_admin/inspector/events"), _ => null);

        subscription.Reader.TryRead(out _).ShouldBeFalse();
        journal.Snapshot().Single().Path.ShouldBe("/_admin/inspector/events");
    }
}
