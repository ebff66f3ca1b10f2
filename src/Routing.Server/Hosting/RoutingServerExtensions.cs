using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Orleans.Serialization;
using Routing.Grains;
using Routing.Server.Mapping;
using Routing.Server.Services;
using Routing.Server.Storage;

namespace Routing.Server.Hosting;

/// <summary>Wiring of the server: the Orleans silo, storage, gRPC and the startup work.</summary>
public static class RoutingServerExtensions
{
    public static WebApplicationBuilder AddRoutingServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var server = builder.Configuration.GetSection(RoutingServerOptions.Section).Get<RoutingServerOptions>() ?? new RoutingServerOptions();
        var storage = builder.Configuration.GetSection(SqliteStorageOptions.SectionName).Get<SqliteStorageOptions>() ?? new SqliteStorageOptions();

        builder.Services.AddOptions<RoutingServerOptions>().BindConfiguration(RoutingServerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<QueueDefaultsOptions>().BindConfiguration(QueueDefaultsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RoutingGrainOptions>().BindConfiguration(RoutingGrainOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SqliteStorageOptions>().BindConfiguration(SqliteStorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(server.SiloPort, server.GatewayPort, serviceId: server.ServiceId, clusterId: server.ClusterId);
            silo.AddSqliteGrainStorage(StorageNames.Routing, storage.DatabasePath);
            silo.Services.AddSerializer(serializer => serializer.AddRoutingCoreTypes());
        });

        var endpoint = new Uri(server.GrpcEndpoint);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Parse(endpoint.Host), endpoint.Port, listen => listen.Protocols = HttpProtocols.Http2));

        builder.Services.AddGrpc();
        builder.Services.AddSingleton<CenterConfigurator>();
        builder.Services.AddHostedService<RoutingStartup>();
        return builder;
    }

    public static WebApplication MapRoutingServices(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcService<RoutingService>();
        app.MapGrpcService<AgentsService>();
        app.MapGrpcService<AdminService>();
        app.MapGrpcService<SupervisorService>();
        return app;
    }
}
