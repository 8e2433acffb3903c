namespace DyeRegistry.Server.Web;

/// <summary>The screening page's live progress: every second, the jobs' counts from
/// <c>/screening/jobs.json</c> go into their rows; when a job changes state (done, cancelled), the
/// page reloads to show its downloads and buttons. Without script the page shows the state when it
/// was loaded.</summary>
internal static class ScreeningScript
{
    public const string Js = """
        "use strict";
        (function () {
          var table = document.getElementById("jobs") || document.getElementById("cluster-jobs");
          if (!table) { return; }
          var number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
          function set(row, field, text) { var cell = row.querySelector("[data-field=" + field + "]"); if (cell) { cell.textContent = text; } }
          function update(job) {
            var row = document.querySelector("tr[data-job='" + job.id + "']");
            if (!row) { return job.state === "queued" || job.state === "running"; }
            if (row.getAttribute("data-state") !== job.state) { return true; }
            var bar = row.querySelector("progress");
            if (bar) { bar.value = job.fraction; }
            set(row, "percent", Math.round(job.fraction * 100) + " %");
            set(row, "records", number.format(job.records));
            set(row, "hits", number.format(job.hits));
            set(row, "errors", number.format(job.errors));
            if (job.kind === "cluster") { set(row, "shards", job.shardsDone + " / " + job.shardsRunning + " / " + job.shardsLeft); }
            else { set(row, "rate", number.format(job.recordsPerSecond)); }
            return false;
          }
          function poll() {
            fetch("/screening/jobs.json", { credentials: "same-origin", headers: { "Accept": "application/json" } })
              .then(function (r) { return r.ok ? r.json() : null; })
              .then(function (data) {
                if (!data) { return; }
                var changed = false;
                data.jobs.concat(data.cluster || []).forEach(function (job) { changed = update(job) || changed; });
                if (changed) { window.location.reload(); return; }
                var going = document.querySelector("tr[data-state=queued], tr[data-state=running], tr[data-state=merging]");
                if (going) { window.setTimeout(poll, 1000); }
              })
              .catch(function () { window.setTimeout(poll, 3000); });
          }
          window.setTimeout(poll, 1000);
        })();
        """;
}
