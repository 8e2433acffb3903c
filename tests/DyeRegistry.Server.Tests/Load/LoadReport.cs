using System.Globalization;
using System.Text;

namespace DyeRegistry.Server.Tests.Load;

/// <summary>The figures of a load run per kind of request: answered requests, answered requests
/// per second of the time the server was up (the outage of the fault test left out), median and
/// 99th-percentile latency of the answered requests, and the statuses (with the requests that got
/// no answer while the server was down).</summary>
internal static class LoadReport
{
    public static string Format(IReadOnlyCollection<LoadSample> samples, TimeSpan run, TimeSpan down, int clients, string fault)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{clients} clients for {run.TotalSeconds:F0} s on loopback; {fault}; load average {LoadAverage()}\n");
        text.Append(CultureInfo.InvariantCulture, $"{"kind",-24} {"answered",9} {"req/s",8} {"p50 ms",8} {"p99 ms",8}  statuses\n");
        foreach (var group in samples.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Append(samples.GroupBy(_ => "all").Single()))
        {
            var answered = group.Where(s => s.Status != 0).Select(s => s.Milliseconds).Order().ToList();
            var statuses = string.Join(", ", group.GroupBy(s => LoadClient.StatusClass(s.Status)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
            text.Append(CultureInfo.InvariantCulture, $"{group.Key,-24} {answered.Count,9} {answered.Count / (run - down).TotalSeconds,8:F1} {Percentile(answered, 0.50),8:F1} {Percentile(answered, 0.99),8:F1}  {statuses}\n");
        }

        return text.ToString();
    }

    /// <summary>The nearest-rank percentile of sorted values (NaN when there are none).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
