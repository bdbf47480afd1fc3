using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.Errors;

/// <summary>The friendly page for any failure or missing page: never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; } = 500;

    /// <summary>For a file too large for the page it was sent to: that page's limit in megabytes, and its address to go back to.</summary>
    public long? LimitMegabytes { get; private set; }
    public string? SentTo { get; private set; }

    // The status is read from the query alone: binding a parameter would read the failed request's form, which may be
    // the very upload that was too large.
    public void OnGet() => Read();
    public void OnPost() => Read();

    private void Read()
    {
        int? status = int.TryParse(Request.Query["status"], out var s) ? s : null;
        // An upload over a page's size limit fails while the form is read (Kestrel's 413), before the page runs, so
        // the page cannot say it: this one names the limit the page declared and links back to it.
        // The refusal comes either from the size check before the page (a status this page re-runs for) or, for a body
        // with no declared length, from Kestrel while the form is read (an exception this page handles).
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>();
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Status = failure?.Error is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? 413 : status ?? 500;
        if (Status != 413) return;
        Response.StatusCode = 413;
        var (endpoint, path) = failure is not null ? (failure.Endpoint, failure.Path) : (reExecuted?.Endpoint, reExecuted?.OriginalPath);
        if (endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit) LimitMegabytes = limit / (1024 * 1024);
        SentTo = path is not null && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) ? path : null;
    }
}
