using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Routing.Client;

/// <summary>The gRPC channel for validated options: one address directly, several through a static resolver.</summary>
internal static class RoutingChannel
{
    // The static resolver ignores the host of a static: address; it only names the channel in gRPC's logs.
    private const string StaticAddress = "static:///routing";

    private const int BackoffCeilingFactor = 16;

    public static GrpcChannel Create(RoutingClientOptions options, out ServiceProvider? services)
    {
        var endpoints = options.Endpoints();
        var channelOptions = new GrpcChannelOptions
        {
            ServiceConfig = ServiceConfig(options, endpoints.Count > 1),
            MaxRetryAttempts = options.MaxAttempts,
            // Tokens travel over plaintext only to a plaintext router, which is what the caller asked for.
            UnsafeUseInsecureChannelCallCredentials = true,
        };

        if (endpoints.Count == 1)
        {
            services = null;
            return GrpcChannel.ForAddress(endpoints[0], channelOptions);
        }

        var addresses = endpoints.Select(e => new BalancerAddress(e.Host, e.Port)).ToArray();
        var collection = new ServiceCollection();
        collection.AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => addresses));
        services = collection.BuildServiceProvider();
        channelOptions.ServiceProvider = services;
        channelOptions.Credentials = endpoints[0].Scheme == Uri.UriSchemeHttps ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
        return GrpcChannel.ForAddress(StaticAddress, channelOptions);
    }

    private static ServiceConfig? ServiceConfig(RoutingClientOptions options, bool balanced)
    {
        if (options.MaxAttempts <= 1 && !balanced)
        {
            return null;
        }

        var config = new ServiceConfig();
        if (balanced)
        {
            config.LoadBalancingConfigs.Add(options.LoadBalancing == LoadBalancingPolicy.RoundRobin ? new RoundRobinConfig() : new PickFirstConfig());
        }

        // One attempt means no retries inside the client: the caller sees every attempt's status.
        if (options.MaxAttempts > 1)
        {
            config.MethodConfigs.Add(new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = options.MaxAttempts,
                    InitialBackoff = options.InitialBackoff,
                    MaxBackoff = options.InitialBackoff * BackoffCeilingFactor,
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            });
        }

        return config;
    }
}
