using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Cadre.Bench -- --filter '*'` runs every benchmark; see docs/benchmarks.md.
// `-- coding-profile EXTRACT.csv` times the recode in process, per row (see bench/Cadre.Bench/Coding).
// `-- coding-baseline [rows...]` is a plain timed run against the sqlite3 tool (see bench/Cadre.Bench/Coding).
if (args.Length > 0 && args[0] == "coding-profile") return Cadre.Bench.Coding.CodingProfile.Run(args[1..]);
// `-- planning-national [specialisms] [years] [runs]` times the national planning scenario (see bench/Cadre.Bench/Planning).
if (args.Length > 0 && args[0] == "planning-national") return Cadre.Bench.Planning.PlanningNational.Run(args[1..]);
// `-- report-protection [posts...]` times the workforce reports under disclosure control (see bench/Cadre.Bench/Intelligence).
if (args.Length > 0 && args[0] == "report-protection") return Cadre.Bench.Intelligence.ReportProtectionTiming.Run(args[1..]);
// `-- coding-pages [sizes...]` times /coding and the head of service report on a grown register (see bench/Cadre.Bench/Web).
if (args.Length > 0 && args[0] == "coding-pages") return Cadre.Bench.Web.CodingPagesTimer.Run(args[1..]);
// `-- import-baseline [rows...] [--pg CONNECTION]` times `cadre import` against sqlite3 .import / COPY (see bench/Cadre.Bench/Register).
if (args.Length > 0 && args[0] == "import-baseline") return Cadre.Bench.Register.ImportBaseline.Run(args[1..]);
if (args.Length > 0 && args[0] == "coding-baseline") return Cadre.Bench.Coding.CodingBaseline.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
