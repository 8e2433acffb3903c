using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace DyeRegistry.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        // Few, long iterations: one operation is a whole catalogue pass (seconds).
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithWarmupCount(1).WithIterationCount(5).WithLaunchCount(1))
            .AddColumn(StatisticColumn.Min);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
