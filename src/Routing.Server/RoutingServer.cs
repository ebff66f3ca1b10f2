using Routing.Server.Hosting;

namespace Routing.Server;

/// <summary>Builds the server; the entry point and the tests start it the same way.</summary>
public static class RoutingServer
{
    public static WebApplication Build(string[] args)
    {
        // Content root is the app's folder so appsettings.json is found whatever the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddRoutingServer();
        var app = builder.Build();
        app.MapRoutingServices();
        return app;
    }
}
