using System.Runtime.CompilerServices;

namespace Classifier.Tests.Support;

/// <summary>
/// Registers the ML.NET engine before any test runs, as the trainer and predictor do at start: the committed default
/// model has an ML.NET head, so a test that loads it must not depend on an ML.NET test class having run first.
/// </summary>
internal static class EngineRegistration
{
#pragma warning disable CA2255 // a test assembly is the one "library" whose start-up is exactly this
    [ModuleInitializer]
    internal static void Register() => Classifier.MlNet.MlNetEngine.Register();
#pragma warning restore CA2255
}
