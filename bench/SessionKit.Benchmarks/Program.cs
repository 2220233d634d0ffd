using BenchmarkDotNet.Running;

namespace SessionKit.Benchmarks;

public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
