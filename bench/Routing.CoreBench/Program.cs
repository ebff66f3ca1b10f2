using BenchmarkDotNet.Running;

// Usage: dotnet run -c Release --project bench/Routing.CoreBench -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
