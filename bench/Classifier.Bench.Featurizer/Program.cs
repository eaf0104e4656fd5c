using BenchmarkDotNet.Running;

namespace Classifier.Bench.Featurizer;

public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
