using Routing.Client;

namespace Routing.Cli;

/// <summary>One subcommand: checks its arguments (throwing <see cref="UsageException"/>) before calling the router.</summary>
internal delegate Task CommandHandler(RoutingClient client, Arguments args, CancellationToken cancellationToken);
