using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Cadre.Bench -- --filter '*'` runs every benchmark; see docs/benchmarks.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
