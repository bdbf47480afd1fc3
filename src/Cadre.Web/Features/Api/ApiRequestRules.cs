using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cadre.Web.Features.Api;

/// <summary>Marks an endpoint whose PUT must carry the <c>version</c> the client read.</summary>
public sealed class VersionRequiredMetadata;

/// <summary>
/// Two rules every API endpoint shares: a PUT must say which version it replaces (no silent overwrite of someone else's
/// change), and a body or parameter the API cannot read gets a problem document saying what was wrong.
/// </summary>
public static partial class ApiRequestRules
{
    public const string MissingVersion = "Send the version you read (from GET): without it this change could overwrite someone else's.";

    private static readonly ConcurrentDictionary<Type, PropertyInfo?> VersionProperties = new();

    /// <summary>Every PUT in the group is refused (400, keyed <c>version</c>) when its body has no version.</summary>
    public static TBuilder RequireVersionOnPut<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint => endpoint.Metadata.Add(new VersionRequiredMetadata()));
        builder.AddEndpointFilter(async (context, next) =>
        {
            if (!HttpMethods.IsPut(context.HttpContext.Request.Method)) return await next(context);
            foreach (var argument in context.Arguments)
            {
                // Only request bodies (classes) carry a version: a Guid route value has a Version property of its own.
                if (argument is null || !argument.GetType().IsClass || VersionProperties.GetOrAdd(argument.GetType(), t => t.GetProperty("Version")) is not { } property) continue;
                if (property.GetValue(argument) is null or "" || Equals(property.GetValue(argument), Guid.Empty))
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = [MissingVersion] }, title: "The change was not saved");
                return await next(context);
            }
            return await next(context);
        });
        return builder;
    }

    /// <summary>What was wrong with a request the API could not read, in words a programmer can act on.</summary>
    public static string Describe(BadHttpRequestException failure)
    {
        if (failure.InnerException is JsonException json)
        {
            var where = json.LineNumber is { } line ? $" (line {line + 1}, character {(json.BytePositionInLine ?? 0) + 1})" : "";
            var field = json.Path is { Length: > 2 } path ? path[2..] : null;
            if (json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) && field is not null)
                return $"The value of '{field}'{where} is not of the kind expected; see /api/v1/openapi.json for each field's type.";
            var reason = LineInfo().Replace(json.InnerException?.Message ?? json.Message, "").Trim();
            return $"The body is not valid JSON{where}: {reason}";
        }
        if (failure.Message.Contains("no body was provided", StringComparison.Ordinal) || failure.Message.Contains("from body", StringComparison.Ordinal))
            return "This request needs a JSON body.";
        if (BindFailure().Match(failure.Message) is { Success: true } bind)
            return $"'{bind.Groups["value"].Value}' is not a valid value for {char.ToLowerInvariant(bind.Groups["name"].Value[0])}{bind.Groups["name"].Value[1..]}.";
        if (failure.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return "Send the body as JSON with the header Content-Type: application/json.";
        return "The request could not be read.";
    }

    [GeneratedRegex(@"\s*(Path:.*|LineNumber:.*)$")]
    private static partial Regex LineInfo();

    [GeneratedRegex("Failed to bind parameter \"\\S+ (?<name>\\w+)\" from \"(?<value>.*)\"")]
    private static partial Regex BindFailure();
}
