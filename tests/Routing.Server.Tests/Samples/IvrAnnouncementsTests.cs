using Google.Protobuf.WellKnownTypes;
using Routing.Api.V1;
using Routing.IvrAdapter;

namespace Routing.Server.Tests.Samples;

/// <summary>The IVR sample's wording, apart from any router.</summary>
public sealed class IvrAnnouncementsTests
{
    [Theory]
    [InlineData(1, 0, "You are next in line; expected wait less than a minute.")]
    [InlineData(2, 59, "You are number 2 in line; expected wait less than a minute.")]
    [InlineData(2, 60, "You are number 2 in line; expected wait 1 minute.")]
    [InlineData(3, 61, "You are number 3 in line; expected wait 2 minutes.")]
    [InlineData(12, 3540, "You are number 12 in line; expected wait 59 minutes.")]
    [InlineData(40, 3600, "You are number 40 in line; expected wait 1 hour.")]
    [InlineData(41, 7380, "You are number 41 in line; expected wait 2 hours 3 minutes.")]
    [InlineData(42, 3660, "You are number 42 in line; expected wait 1 hour 1 minute.")]
    public void Position_and_wait_are_said_in_whole_minutes_rounded_up(int position, int waitSeconds, string expected) =>
        Assert.Equal(expected, IvrAnnouncements.Position(position, TimeSpan.FromSeconds(waitSeconds)));

    [Fact]
    public void An_unknown_wait_is_said_as_such() =>
        Assert.Equal("You are number 2 in line; we cannot tell how long the wait will be yet.", IvrAnnouncements.Position(2, null));

    [Fact]
    public void A_menu_is_said_after_the_notice_about_the_last_input()
    {
        var prompt = new IvrPrompt { MenuId = "main-es", Prompt = "Para ventas, pulse 1." };
        Assert.Equal("Menu 'main-es': Para ventas, pulse 1.", IvrAnnouncements.Menu(prompt, string.Empty));
        Assert.Equal("Sorry, '7' is not an option. Menu 'main-es': Para ventas, pulse 1.", IvrAnnouncements.Menu(prompt, "'7' is not an option"));
    }

    [Fact]
    public void Destinations_callbacks_and_endings_have_their_own_words()
    {
        Assert.Equal("Please hold for billing-es.", IvrAnnouncements.Destination(new IvrDestination { Kind = IvrRouteKind.Queue, QueueId = "billing-es" }));
        Assert.Equal("You asked to be called back by billing-en.", IvrAnnouncements.Destination(new IvrDestination { Kind = IvrRouteKind.Callback, QueueId = "billing-en" }));
        Assert.Equal("Please leave your message for support-en after the tone.", IvrAnnouncements.Destination(new IvrDestination { Kind = IvrRouteKind.LeaveEmail, QueueId = "support-en" }));
        Assert.Equal(
            "Thank you. We will call you back at +34 600 123 456 when an agent is free; you keep your place in line (number 1). Goodbye.",
            IvrAnnouncements.CallbackScheduled("+34 600 123 456", 1));
        Assert.Equal("Connecting you to an agent (ines) now.", IvrAnnouncements.Connecting(ContactState.Offered, "ines"));
        Assert.Equal("You are connected to ines.", IvrAnnouncements.Connecting(ContactState.Connected, "ines"));
        Assert.Equal("Sorry, we cannot take your call now: the queue is full. Goodbye.", IvrAnnouncements.Ended(ContactState.Refused, "the queue is full"));
        Assert.Equal("Your call has ended. Goodbye.", IvrAnnouncements.Ended(ContactState.Abandoned, "cancelled"));
    }

    [Fact]
    public void The_announcer_speaks_only_when_what_the_caller_hears_changes()
    {
        var announcer = new QueueAnnouncer();
        Assert.Equal("You are number 2 in line; expected wait 2 minutes.", announcer.Next(Waiting(2, 90)));
        // A refresh with a few seconds less to wait sounds the same: nothing is said.
        Assert.Null(announcer.Next(Waiting(2, 75)));
        Assert.Equal("You are number 2 in line; expected wait 1 minute.", announcer.Next(Waiting(2, 55 + 5)));
        Assert.Equal("You are next in line; expected wait less than a minute.", announcer.Next(Waiting(1, 20)));
        Assert.Null(announcer.Next(new Contact { State = ContactState.Offered, AgentId = "ines" }));
        Assert.Equal("You are next in line; we cannot tell how long the wait will be yet.", announcer.Next(new Contact { State = ContactState.CallbackScheduled, Position = 1 }));
    }

    [Fact]
    public void The_command_line_takes_repeated_servers_and_refuses_what_it_does_not_know()
    {
        var settings = AdapterSettings.Parse(
            ["--server", "http://a:1", "--server=http://b:2", "--customer", "+1555", "--callback-after", "2.5", "--digits", "23"],
            name => name == "ROUTING_TOKEN" ? "from-env" : null);
        Assert.Equal([new Uri("http://a:1"), new Uri("http://b:2")], settings.Servers);
        Assert.Equal(("+1555", "+1555", "from-env", "23", "welcome"), (settings.CustomerId, settings.CallbackNumber, settings.Token, settings.Digits, settings.MenuId));
        Assert.Equal(TimeSpan.FromSeconds(2.5), settings.CallbackAfter);
        Assert.Equal([new Uri("http://127.0.0.1:50051")], AdapterSettings.Parse([], _ => null).Servers);

        Assert.Equal("unknown option --colour", Assert.Throws<ArgumentException>(() => AdapterSettings.Parse(["--colour", "red"], _ => null)).Message);
        Assert.Equal("--digits needs a value", Assert.Throws<ArgumentException>(() => AdapterSettings.Parse(["--digits"], _ => null)).Message);
        Assert.Equal("--server 'ftp://x' is not an http(s) URL", Assert.Throws<ArgumentException>(() => AdapterSettings.Parse(["--server", "ftp://x"], _ => null)).Message);
        Assert.Equal("--callback-after 'soon' is not a number of seconds", Assert.Throws<ArgumentException>(() => AdapterSettings.Parse(["--callback-after", "soon"], _ => null)).Message);
        Assert.Equal("--customer is given 2 times", Assert.Throws<ArgumentException>(() => AdapterSettings.Parse(["--customer", "a", "--customer", "b"], _ => null)).Message);
    }

    private static Contact Waiting(int position, int waitSeconds) =>
        new() { State = ContactState.Queued, Position = position, EstimatedWait = Duration.FromTimeSpan(TimeSpan.FromSeconds(waitSeconds)) };
}
