using System.Diagnostics;

namespace DyeRegistry.Server;

/// <summary>
/// One structured log entry per request (method, path, status, milliseconds, user, request id),
/// with the request id in the logging scope of everything logged meanwhile and in the
/// <c>X-Request-Id</c> response header (a client quotes it; the audit records it).
/// </summary>
public static class RequestLogging
{
    public const string Header = "X-Request-Id";

    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("DyeRegistry.Server.Requests");
        return app.Use(async (context, next) =>
        {
            var id = context.TraceIdentifier;
            context.Response.Headers[Header] = id;
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = id });
            var clock = Stopwatch.StartNew();
            try
            {
                await next(context);
            }
            finally
            {
                logger.LogInformation("request {Method} {Path} -> {Status} in {Milliseconds:F1} ms, user {User}, request id {RequestId}",
                    context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, clock.Elapsed.TotalMilliseconds,
                    context.User.Identity?.Name ?? "-", id);
            }
        });
    }
}
