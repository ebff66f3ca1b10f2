namespace Routing.Core.Tests;

public class RoutingSimulationTests
{
    private const int Seeds = 200;
    private const int StepsPerSeed = 500;

    [Fact]
    public void Random_routing_never_exceeds_capacity_and_keeps_every_contact_in_exactly_one_place()
    {
        // Each seed builds a different contact center; a failure names the seed and step, and
        // new ContactCenterSimulation(seed).Run(StepsPerSeed) replays it.
        var arrived = 0;
        var ended = 0;
        var offers = 0;
        var returned = 0;
        var completed = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var simulation = new ContactCenterSimulation(seed);
            simulation.Run(StepsPerSeed);
            arrived += simulation.Arrived;
            ended += simulation.Ended;
            offers += simulation.OffersMade;
            returned += simulation.OffersReturned;
            completed += simulation.Completed;
        }

        // Guard against a simulation that checks invariants over nothing.
        Assert.True(arrived > Seeds * StepsPerSeed / 5, $"only {arrived} contacts arrived");
        Assert.True(offers > arrived / 4, $"only {offers} offers for {arrived} arrivals");
        Assert.True(returned > Seeds, $"only {returned} offers were rejected or expired");
        Assert.True(completed > arrived / 10, $"only {completed} of {arrived} contacts were completed");
        Assert.True(ended > completed / 2, $"only {ended} contacts ended");
    }
}
