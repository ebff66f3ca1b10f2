using static Routing.Core.Tests.Given;

namespace Routing.Core.Tests;

public class WaitEstimatorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Contact_not_waiting_has_no_wait(int place)
    {
        Assert.Equal(TimeSpan.Zero, WaitEstimator.QueueLengthBased(place, servers: 0, Seconds(300), agentFreeNow: false));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Wait_is_unbounded_when_no_agent_can_serve(int servers)
    {
        Assert.Null(WaitEstimator.QueueLengthBased(1, servers, Seconds(300), agentFreeNow: false));
    }

    [Theory]
    [InlineData(3, 2, 300, false, 450)]
    [InlineData(3, 2, 300, true, 300)]
    [InlineData(1, 4, 240, false, 60)]
    [InlineData(1, 4, 240, true, 0)]
    [InlineData(10, 1, 90, false, 900)]
    [InlineData(5, 3, 180, false, 300)]
    public void Wait_is_the_completions_needed_times_handle_time_over_servers(
        int place, int servers, double handleSeconds, bool agentFreeNow, double expectedSeconds)
    {
        Assert.Equal(Seconds(expectedSeconds), WaitEstimator.QueueLengthBased(place, servers, Seconds(handleSeconds), agentFreeNow));
    }
}
