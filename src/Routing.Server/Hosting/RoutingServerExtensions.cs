using System.Net;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Routing.Grains;
using Routing.Server.Mapping;
using Routing.Server.Security;
using Routing.Server.Services;
using Routing.Server.Storage;
using Routing.Server.Storage.GroupCommit;
using Routing.Server.Telemetry;
using Routing.Server.Web;

namespace Routing.Server.Hosting;

/// <summary>Wiring of the server: the Orleans silo, storage, gRPC and the startup work.</summary>
public static class RoutingServerExtensions
{
    public static WebApplicationBuilder AddRoutingServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var server = builder.Configuration.GetSection(RoutingServerOptions.Section).Get<RoutingServerOptions>() ?? new RoutingServerOptions();
        if (server.KubernetesHosting)
        {
            // Refused here, at build: Orleans' own check fails later, inside the silo's start, naming POD_NAMESPACE only.
            KubernetesPod.EnsureCurrent(builder.Configuration.GetSection(PostgreSqlStorageOptions.SectionName).Get<PostgreSqlStorageOptions>()?.IsConfigured == true);
        }


        builder.Services.AddOptions<RoutingServerOptions>().BindConfiguration(RoutingServerOptions.Section).ValidateDataAnnotations()
            .Validate(
                options => IPAddress.TryParse(options.AdvertisedAddress, out _),
                $"{RoutingServerOptions.Section}:{nameof(RoutingServerOptions.AdvertisedAddress)} must be an IP address, e.g. 127.0.0.1.")
            .Validate(
                options => options.MinCallsInFlight <= options.MaxCallsInFlight,
                $"{RoutingServerOptions.Section}:{nameof(RoutingServerOptions.MinCallsInFlight)} must not be above {nameof(RoutingServerOptions.MaxCallsInFlight)}.")
            .ValidateOnStart();
        // SIGTERM stops the host: the gRPC endpoint drains, then the silo leaves gracefully, within this time.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = server.ShutdownTimeout);
        builder.Services.AddOptions<QueueDefaultsOptions>().BindConfiguration(QueueDefaultsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<QueueDefaultsOptions>, QueueDefaultsOptionsValidator>();
        builder.Services.AddOptions<RoutingGrainOptions>().BindConfiguration(RoutingGrainOptions.Section).ValidateDataAnnotations()
            .Validate(
                options => TimeZoneInfo.TryFindSystemTimeZoneById(options.StatisticsTimeZone, out _),
                $"{RoutingGrainOptions.Section}:{nameof(RoutingGrainOptions.StatisticsTimeZone)} must name a time zone this machine knows, e.g. UTC or Europe/Madrid.")
            .Validate(
                options => options.DesktopRenewInterval + options.WatchSweepInterval < options.DesktopGrace,
                $"{RoutingGrainOptions.Section}:{nameof(RoutingGrainOptions.DesktopGrace)} must be longer than {nameof(RoutingGrainOptions.DesktopLease)} / 3 (how often a desktop's stream renews, plus a tenth), or live desktops would be put Not Ready.")
            .ValidateOnStart();
        builder.Services.AddOptions<SqliteStorageOptions>().BindConfiguration(SqliteStorageOptions.SectionName)
            .Validate(
                sqlite => sqlite.ResolveDatabasePath() is not null,
                $"{SqliteStorageOptions.SectionName}:{nameof(SqliteStorageOptions.DatabasePath)} must name the SQLite database file: this user has no local application data folder for the default")
            .ValidateOnStart();
        builder.Services.AddOptions<GroupCommitOptions>().BindConfiguration(GroupCommitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PostgreSqlStorageOptions>().BindConfiguration(PostgreSqlStorageOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PostgreSqlStorageOptions>, PostgreSqlStorageOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.UseOrleans(silo =>
        {
            silo.AddRoutingStorageAndClustering(builder.Configuration, server);
            if (server.KubernetesHosting)
            {
                // After the clustering above, whose ClusterOptions and advertised address stay in force.
                silo.UseKubernetesHosting();
            }

            silo.AddRoutingGrains();
            silo.AddRoutingTracing(builder.Configuration);
            silo.Services.AddSerializer(serializer => serializer.AddRoutingCoreTypes());
        });

        var endpoint = ListenEndpoint.Parse(server.GrpcEndpoint, $"{RoutingServerOptions.Section}:{nameof(RoutingServerOptions.GrpcEndpoint)}", "http://127.0.0.1:50051");
        var authenticated = builder.AddRoutingAuth(endpoint);
        builder.AddRoutingHealth(server);
        builder.AddRoutingTelemetry(server);
        var httpEndpoint = RoutingWebExtensions.HttpEndpoint(server, authenticated);
        var web = new HttpEndpointOnly();
        builder.Services.AddSingleton(web);
        builder.Services.AddSingleton<SupervisorPage>();
        var tls = GrpcEndpointTls.For(endpoint.Uri, server);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestHeadersTotalSize = server.MaxRequestHeaderBytes;
            kestrel.Limits.Http2.MaxRequestHeaderFieldSize = server.MaxRequestHeaderBytes;
            endpoint.Listen(kestrel, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (tls is not null)
                {
                    listen.UseHttps(tls);
                }
            });
            if (httpEndpoint is not null)
            {
                kestrel.ListenHttp(httpEndpoint, web);
            }
        });

        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = server.MaxMessageBytes;
            grpc.Interceptors.Add<ClusterUnavailableInterceptor>();
        });
        // In place of Grpc.AspNetCore's binder for every service, so none is bound twice.
        builder.Services.RemoveAll(typeof(IServiceMethodProvider<>));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(MalformedMessageRefusingBinder<>)));
        builder.Services.AddSingleton<CallAdmission>();
        builder.Services.AddOptions<RateLimiterOptions>().Configure<CallAdmission>((limiter, admission) => admission.Configure(limiter));
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddSingleton<CenterConfigurator>();
        builder.Services.AddSingleton<CenterWaker>();
        builder.Services.AddSingleton<ChangeFeeds>();
        builder.Services.AddSingleton<QueueStatsFeed>();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<DecisionTimings>();
        builder.Services.AddHostedService<RoutingStartup>();
        builder.Services.AddHostedService<SiloLossWatcher>();
        builder.Services.AddHostedService<WatchRenewalSweeper>();
        return builder;
    }

    public static WebApplication MapRoutingServices(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var authenticated = app.UseRoutingAuth();
        app.UseRateLimiter();
        app.MapRoutingHealth();
        app.MapRoutingWeb(authenticated);
        foreach (var service in new[]
        {
            app.MapGrpcService<RoutingService>(),
            app.MapGrpcService<AgentsService>(),
            app.MapGrpcService<AdminService>(),
            app.MapGrpcService<SupervisorService>(),
            app.MapGrpcService<FeedbackService>(),
        })
        {
            service.RequireRateLimiting(CallAdmission.StreamPolicy);
            if (authenticated)
            {
                service.RequireAuthorization(ApiAccess.Policy);
            }
        }

        return app;
    }
}
