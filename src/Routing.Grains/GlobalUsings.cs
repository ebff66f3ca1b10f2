global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.Options;
global using Orleans.Runtime;
global using Routing.Abstractions;
global using Routing.Core;
