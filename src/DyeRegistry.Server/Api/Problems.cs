namespace DyeRegistry.Server.Api;

/// <summary>Errors as problem details (application/problem+json) whose detail is the message the
/// CLI prints for the same failure (field paths and words alike).</summary>
internal static class Problems
{
    public static IResult Of(int status, string detail, string? title = null, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static IResult BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, detail);

    public static IResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, detail);

    public static IResult Unprocessable(string detail, IDictionary<string, object?>? extensions = null) => Of(StatusCodes.Status422UnprocessableEntity, detail, null, extensions);
}
