using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.People;

/// <summary>Reading an assignment from a form, and the post-level check that follows a save.</summary>
public static class AssignmentForm
{
    /// <summary>Reads WTE and dates onto the assignment, adding an error on the named field for each problem.</summary>
    public static void Read(Assignment assignment, string? wte, string? start, string? end, ModelStateDictionary state,
        string wteKey, string startKey, string? endKey)
    {
        if (FormValues.Blank(wte) is null) state.AddModelError(wteKey, "Enter the WTE of the assignment, for example 1.00 or 0.60");
        else if (!FormValues.TryWte(wte, out var w)) state.AddModelError(wteKey, "WTE must be a number, for example 1.00 or 0.60");
        else if (RegisterRules.CheckWte(w) is { } problem) state.AddModelError(wteKey, problem);
        else assignment.Wte = w;

        if (FormValues.Blank(start) is null) state.AddModelError(startKey, "Enter the start date");
        else if (!FormValues.TryDate(start, out var s)) state.AddModelError(startKey, $"Start date must be a real date, {FormValues.DateHint}");
        else assignment.StartDate = s;

        assignment.EndDate = null;
        if (endKey is not null && FormValues.Blank(end) is not null)
        {
            if (!FormValues.TryDate(end, out var e)) state.AddModelError(endKey, $"End date must be a real date, {FormValues.DateHint}");
            else assignment.EndDate = e;
        }
        if (state.IsValid && RegisterRules.Check(assignment).FirstOrDefault(p => p.Field == nameof(Assignment.EndDate)) is { } order && endKey is not null)
            state.AddModelError(endKey, order.Message);
    }

    /// <summary>
    /// Reads a person's assignment from the form (post by number, WTE, dates) and checks that the person's current posts
    /// together stay within one WTE; each problem goes on its field ("Input.PostNumber"...). Returns the post's id when found.
    /// </summary>
    public static async Task<Guid?> ApplyAsync(Assignment assignment, Guid personId, string? postNumber, string? wte, string? start, string? end,
        CadreDbContext db, ModelStateDictionary state, DateOnly today, CancellationToken cancel)
    {
        Guid? postId = null;
        var number = FormValues.Blank(postNumber);
        var post = number is null ? null : await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.PostNumber == number, cancel);
        if (number is null) state.AddModelError("Input.PostNumber", "Enter the post number");
        else if (post is null) state.AddModelError("Input.PostNumber", $"There is no post {number} that you can assign people to; check the post number");
        else { assignment.PostId = post.Id; postId = post.Id; }
        Read(assignment, wte, start, end, state, "Input.Wte", "Input.StartDate", "Input.EndDate");
        if (state.IsValid)
        {
            // The person's other current posts count too: nobody works more than one whole-time equivalent.
            var others = await db.Assignments.AsNoTracking().IgnoreQueryFilters([CadreDbContext.DepartmentFilter])
                .Where(a => a.PersonId == personId && a.Id != assignment.Id).ToListAsync(cancel);
            if (RegisterRules.CheckTotalWte([.. others, assignment], today) is { } total)
                state.AddModelError("Input.Wte", $"{total.Message}. Reduce this WTE or end another of their posts first.");
        }
        return postId;
    }

    /// <summary>
    /// Reads the holder's pay point ("Entry", "Intermediate", "Top" or blank), checked against the post's band, and the day
    /// they reached it (not in the future; only with a point).
    /// </summary>
    public static async Task ReadPayPointAsync(Assignment assignment, Guid postId, string? text, string? sinceText, CadreDbContext db, ModelStateDictionary state,
        string key, string sinceKey, CancellationToken cancel)
    {
        assignment.PayPoint = null;
        assignment.PayPointSince = null;
        if (FormValues.Blank(sinceText) is { } sinceGiven)
        {
            if (FormValues.Blank(text) is null) state.AddModelError(sinceKey, "Select the pay point they reached on this date, or leave the date blank");
            else if (!FormValues.TryDate(sinceGiven, out var since)) state.AddModelError(sinceKey, $"Date they reached this pay point must be a real date, {FormValues.DateHint}");
            else if (Cadre.Core.Register.RegisterRules.CheckPayPointSince(since, DateOnly.FromDateTime(DateTime.UtcNow)) is { } sinceProblem)
                state.AddModelError(sinceKey, sinceProblem);
            else assignment.PayPointSince = since;
        }
        if (FormValues.Blank(text) is not { } given) return;
        if (!Cadre.Core.Money.PayPoints.TryParse(given, out var point)) { state.AddModelError(key, "Select the pay point, or Not recorded"); return; }
        var band = await db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(p => p.Band).FirstAsync(cancel);
        if (Cadre.Core.Money.PayPoints.Problem(band, point) is { } problem) state.AddModelError(key, problem);
        else assignment.PayPoint = point;
    }

    /// <summary>
    /// A post whose current holders together have more WTE than it funds is worth knowing about but not refused: job
    /// shares overlap during handovers, and the register must be able to show what is actually happening.
    /// </summary>
    public static async Task<string?> OverFundedAsync(CadreDbContext db, Guid postId, DateOnly today, CancellationToken cancel)
    {
        var post = await db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(p => new { p.PostNumber, p.FundedWte }).FirstOrDefaultAsync(cancel);
        if (post is null) return null;
        var assigned = (await db.Assignments.AsNoTracking().IgnoreQueryFilters([CadreDbContext.DepartmentFilter])
            .Where(a => a.PostId == postId && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .Select(a => a.Wte).ToListAsync(cancel)).Sum();
        return assigned > post.FundedWte
            ? $"Post {post.PostNumber} now has {Labels.Wte(assigned)} WTE assigned, more than its funded {Labels.Wte(post.FundedWte)} WTE. Check the post's funding or end an earlier assignment."
            : null;
    }
}
