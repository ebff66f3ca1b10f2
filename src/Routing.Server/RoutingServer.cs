using Routing.Server.Hosting;

namespace Routing.Server;

/// <summary>Builds the server; the entry point and the tests start it the same way.</summary>
public static class RoutingServer
{
    /// <param name="args">Command-line settings.</param>
    /// <param name="clock">The routing's clock (the system's unless given): tests drive time through it.</param>
    public static WebApplication Build(string[] args, TimeProvider? clock = null)
    {
        // Content root is the app's folder so appsettings.json is found whatever the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.AddRoutingServer();
        var app = builder.Build();
        app.MapRoutingServices();
        return app;
    }
}
