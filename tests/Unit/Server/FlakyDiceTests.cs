using FakeAuthServer.Flaky;
using FakeAuthServer.Options;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SessionKit.Tests.Unit.Server;

public class FlakyDiceTests
{
    private static FlakyDice Dice(int? serverSeed = null) =>
        new(MsOptions.Create(new FakeAuthOptions { Flaky = new FlakyOptions { Seed = serverSeed } }));

    private static List<bool> Draws(FlakyDice dice, int? seed, int count = 50) =>
        Enumerable.Range(0, count).Select(_ => dice.Fails(0.5, seed)).ToList();

    [Test]
    public void A_seed_replays_the_same_sequence_in_a_new_dice() =>
        Draws(Dice(), seed: 7).ShouldBe(Draws(Dice(), seed: 7));

    [Test]
    public void Different_seeds_give_different_sequences() =>
        Draws(Dice(), seed: 7).ShouldNotBe(Draws(Dice(), seed: 8));

    [Test]
    public void Seeded_sequences_advance_independently()
    {
        var dice = Dice();
        var expected = Draws(Dice(), seed: 1, count: 10);

        var interleaved = new List<bool>();
        for (var i = 0; i < 10; i++)
        {
            dice.Fails(0.5, seed: 2);
            interleaved.Add(dice.Fails(0.5, seed: 1));
        }

        interleaved.ShouldBe(expected);
    }

    [Test]
    public async Task Reset_starts_each_sequence_again()
    {
        var dice = Dice();
        var first = Draws(dice, seed: 3, count: 10);
        await dice.ResetAsync();

        Draws(dice, seed: 3, count: 10).ShouldBe(first);
    }

    [Test]
    public async Task Reset_also_starts_every_fail_first_run_again()
    {
        var dice = Dice();
        var client = new ClientKey(ClientKeySource.InProcess, "");
        (await dice.FailFirst.FailsAsync(client, 1)).ShouldBeTrue();
        (await dice.FailFirst.FailsAsync(client, 1)).ShouldBeFalse();

        await dice.ResetAsync();

        (await dice.FailFirst.FailsAsync(client, 1)).ShouldBeTrue();
    }

    [Test]
    public void A_configured_server_seed_makes_unseeded_requests_reproducible() =>
        Draws(Dice(serverSeed: 11), seed: null).ShouldBe(Draws(Dice(serverSeed: 11), seed: null));

    [TestCase(0.0, false)]
    [TestCase(1.0, true)]
    public void Rates_zero_and_one_are_certain(double rate, bool fails)
    {
        var dice = Dice();
        for (var i = 0; i < 100; i++) dice.Fails(rate, seed: null).ShouldBe(fails);
    }
}
