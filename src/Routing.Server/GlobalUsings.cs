global using Grpc.Core;
global using Routing.Abstractions;
global using Routing.Core;
global using Proto = Routing.Api.V1;
