using Cadre.Core.Register;
using Cadre.Web.Features.Audit;
using Cadre.Web.Features.Posts;
using Cadre.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cadre.Web.Tests;

/// <summary>The small pure pieces the pages rely on.</summary>
public sealed class HelperTests
{
    [Fact]
    public void Paging_shows_first_last_and_two_either_side_with_gaps()
    {
        var paging = new Paging(10, 50, 5000, "/posts", new Dictionary<string, string?>());
        Assert.Equal(100, paging.TotalPages);
        Assert.Equal([1, 0, 8, 9, 10, 11, 12, 0, 100], paging.Window());
        Assert.Equal(451, paging.First);
        Assert.Equal(500, paging.Last);
    }

    [Fact]
    public void Paging_links_keep_the_filters_and_a_new_filter_starts_again_at_page_one()
    {
        var paging = new Paging(3, 50, 500, "/posts", new Dictionary<string, string?> { ["band"] = "7", ["page"] = "3", ["q"] = "" });
        Assert.Equal("/posts?band=7&page=4", paging.Link(4));
        Assert.Equal("/posts?band=7", paging.Link(1));
        Assert.Equal("/posts?band=7&status=Vacant", paging.With("status", "Vacant"));
    }

    [Fact]
    public void Audit_changes_list_only_what_changed_in_readers_words()
    {
        var entry = new AuditEntry
        {
            EntityType = "Post", Action = AuditAction.Updated,
            Before = """{"Band":"6","FundedWte":1.0,"Title":"Clinical Scientist","Version":"a"}""",
            After = """{"Band":"7","FundedWte":0.8,"Title":"Clinical Scientist","Version":"b"}""",
        };
        var changes = AuditDiff.Changes(entry);
        Assert.Equal(2, changes.Count);
        Assert.Contains(new FieldChange("Band", "6", "7"), changes);
        Assert.Contains(new FieldChange("Funded WTE", "1.0", "0.8"), changes);
    }

    [Fact]
    public void Post_form_puts_each_rule_problem_against_its_field_on_the_form()
    {
        var input = new PostInput
        {
            PostNumber = "P1", Title = "Clinical Scientist", DepartmentId = Guid.NewGuid(), Band = "7", FundedWte = "1.00",
            DirectHcsPercent = "100", OccupationCode = "u2h!",
            Activities = [new ActivityInput(), new ActivityInput { Service = "Vascular", Theme = "E", Percent = "40" }, new ActivityInput { Service = "Imaging", Theme = "H", Percent = "50" }],
        };
        var state = new ModelStateDictionary();
        Assert.False(input.ApplyTo(new Post(), state));
        Assert.True(state.ContainsKey("Input.OccupationCode"));
        // The split's total is reported on the first row actually filled in (row index 1 on the form).
        Assert.Contains("adds up to 90%", state["Input.Activities[1].Percent"]!.Errors[0].ErrorMessage);
    }

    [Fact]
    public void Form_errors_follow_the_order_of_the_fields_and_link_to_their_ids()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("Input.FundedWte", "WTE");
        state.AddModelError("Input.Activities[0].Percent", "Split");
        state.AddModelError("Input.PostNumber", "Number");
        var errors = FormErrors.From(state, PostInput.FieldOrder);
        Assert.Equal(["Input_PostNumber", "Input_FundedWte", "Input_Activities_0__Percent"], errors.Select(e => e.FieldId));
    }
}
