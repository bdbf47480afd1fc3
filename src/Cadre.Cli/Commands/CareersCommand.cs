using System.CommandLine;
using System.Text.Json;
using Cadre.Core.Careers;
using Cadre.Core.Register;

namespace Cadre.Cli.Commands;

/// <summary>
/// <c>cadre careers routes --from "…" --to …</c>, <c>cadre careers check …</c> and <c>cadre careers framework</c>:
/// MSC career routes to a post's entry requirement, trainee/post consistency, and the framework with its sources.
/// </summary>
public static class CareersCommand
{
    public static Command Create()
    {
        var command = new Command("careers", "Modernising Scientific Careers: routes to a post, trainee checks and the career framework, each with its rule and source.");
        command.Subcommands.Add(Routes());
        command.Subcommands.Add(Check());
        command.Subcommands.Add(Framework());
        return command;
    }

    private static Command Routes()
    {
        var from = new Option<string>("--from") { Description = "What the person holds, comma-separated: none, assistant, associate, degree, ahcs, bms (HCPC Biomedical Scientist), hcpc (HCPC Clinical Scientist), hssr.", DefaultValueFactory = _ => "none" };
        var to = new Option<string>("--to") { Description = "The post's entry requirement: assistant, associate, practitioner, biomedical-scientist, clinical-scientist, consultant.", Required = true };
        var training = new Option<string?>("--training") { Description = "Programmes the person is on now, comma-separated (PTP, STP, HSST, HSSE): their route is shown first." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var c = new Command("routes", "The training and equivalence routes from a person's registrations and training to a post's entry requirement.");
        c.Options.Add(from);
        c.Options.Add(to);
        c.Options.Add(training);
        c.Options.Add(json);
        c.SetAction(p =>
        {
            if (!TryCredentials(p.GetValue(from)!, "routes", out var held)) return 2;
            if (!TryRequirement(p.GetValue(to)!, "routes", "--to", out var target)) return 2;
            var onProgrammes = new List<TrainingProgramme>();
            foreach (var part in (p.GetValue(training) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<TrainingProgramme>(part, true, out var prog) || int.TryParse(part, out _))
                {
                    Console.Error.WriteLine($"cadre careers routes: --training '{part}' is not one of PTP, STP, HSST, HSSE.");
                    return 2;
                }
                onProgrammes.Add(prog);
            }
            var answer = new RouteFinder().Find(new PersonCareer(held, onProgrammes), target);
            if (p.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    target = answer.Target.ToString(), alreadyMet = answer.AlreadyMet, reason = answer.Reason,
                    routes = answer.Routes.Select(r => new
                    {
                        rules = r.RuleIds, inProgress = r.InProgress, knownYears = r.KnownYears, hasUntimedStep = r.HasUntimedStep, usesEquivalence = r.UsesEquivalence, reason = r.Reason,
                        steps = r.Steps.Select(s => new { rule = s.Id, from = s.From.ToString(), to = s.To.ToString(), via = s.Via, kind = s.Kind, years = s.Years, condition = s.Condition, citation = s.Citation }),
                    }),
                    notes = answer.Notes.Select(n => new { rule = n.Id, n.Summary, n.Citation }),
                }, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            Console.WriteLine(answer.Reason);
            var i = 0;
            foreach (var r in answer.Routes)
            {
                Console.WriteLine();
                Console.WriteLine($"Route {++i}: {r.Length}{(r.UsesEquivalence ? ", by equivalence" : "")}{(r.InProgress ? ", in progress" : "")}");
                foreach (var s in r.Steps)
                {
                    Console.WriteLine($"  {s.Id}: {Credentials.Describe(s.From)} -> {Credentials.Describe(s.To)} by {s.Via}{(s.Years is { } y ? $" ({y} years)" : "")}.");
                    Console.WriteLine($"    Needs: {s.Condition}. Source: {s.Citation}.");
                }
            }
            foreach (var n in answer.Notes.Where(n => n.Id != CareerRules.AlreadyMet.Id))
            {
                Console.WriteLine();
                Console.WriteLine($"Note {n.Id}: {n.Summary} Source: {n.Citation}.");
            }
            return 0;
        });
        return c;
    }

    private static Command Check()
    {
        var programme = new Option<string>("--programme") { Description = "The trainee's programme: PTP, STP, HSST or HSSE.", Required = true };
        var post = new Option<string>("--post") { Description = "The post's entry requirement (as for routes --to).", Required = true };
        var band = new Option<string>("--band") { Description = "The post's Agenda for Change band (1-9, 8a-8d).", Required = true };
        var has = new Option<string>("--has") { Description = "What the trainee holds (as for routes --from).", DefaultValueFactory = _ => "none" };
        var inService = new Option<bool>("--in-service") { Description = "The trainee is in-service (employed in their own post), not direct entry." };
        var c = new Command("check", "Is this trainee's programme consistent with the post they hold?");
        foreach (var o in new Option[] { programme, post, band, has, inService }) c.Options.Add(o);
        c.SetAction(p =>
        {
            var text = p.GetValue(programme)!.Trim();
            if (!Enum.TryParse<TrainingProgramme>(text, true, out var prog) || int.TryParse(text, out _))
            {
                Console.Error.WriteLine($"cadre careers check: --programme '{text}' is not one of PTP, STP, HSST, HSSE.");
                return 2;
            }
            if (!TryRequirement(p.GetValue(post)!, "check", "--post", out var entry)) return 2;
            if (!PayBand.TryParse(p.GetValue(band), out var b))
            {
                Console.Error.WriteLine($"cadre careers check: --band '{p.GetValue(band)}' is not an Agenda for Change band (1 to 9, 8a to 8d).");
                return 2;
            }
            if (!TryCredentials(p.GetValue(has)!, "check", out var held)) return 2;
            var result = TraineeCheck.Check(new TraineePost(prog, entry, b.Value, held, p.GetValue(inService)));
            Console.WriteLine(result.Consistent ? "Consistent." : "Not consistent.");
            foreach (var f in result.Findings)
                Console.WriteLine($"  {(f.Consistent ? "ok  " : "FAIL")} {f.RuleId}: {f.Reason}");
            return result.Consistent ? 0 : 1;
        });
        return c;
    }

    private static Command Framework()
    {
        var c = new Command("framework", "The MSC career framework roles and training programmes, with their sources.");
        c.SetAction(_ =>
        {
            var r = CareerReference.Default;
            Console.WriteLine("Roles (career framework level; usual AfC bands; register):");
            foreach (var role in r.Roles)
                Console.WriteLine($"  {role.Name}: level {role.CareerFrameworkLevels}; bands {role.TypicalBands}; {role.Registration}. Source: {role.Citation}.");
            Console.WriteLine();
            Console.WriteLine("Programmes and equivalence routes:");
            foreach (var p in r.Programmes)
                Console.WriteLine($"  {p.Id}, {p.Name}: {(p.DurationYears is { } y ? $"{y} years" : "no set length")}; entry: {p.Entry}; leads to: {p.Outcome}. Source: {p.Citation}.");
            return 0;
        });
        return c;
    }

    private static bool TryCredentials(string text, string verb, out List<Credential> held)
    {
        held = [];
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Credentials.TryParse(part, out var c) || int.TryParse(part, out _))
            {
                Console.Error.WriteLine($"cadre careers {verb}: '{part}' is not a qualification or registration Cadre knows; use none, assistant, associate, degree, ahcs, bms, hcpc or hssr.");
                return false;
            }
            held.Add(c);
        }
        return true;
    }

    private static bool TryRequirement(string text, string verb, string option, out EntryRequirement requirement)
    {
        var key = new string(text.Where(char.IsLetter).ToArray());
        if (Enum.TryParse(key, true, out requirement)) return true;
        Console.Error.WriteLine($"cadre careers {verb}: {option} '{text}' is not an entry requirement; use assistant, associate, practitioner, biomedical-scientist, clinical-scientist or consultant.");
        return false;
    }
}
