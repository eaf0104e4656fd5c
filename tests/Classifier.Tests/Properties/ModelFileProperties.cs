using Classifier.Engine.Persistence;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;
using FsCheck;
using FsCheck.Fluent;

namespace Classifier.Tests.Properties;

/// <summary>A damaged model file, however damaged, is a <see cref="ModelFileException"/> (exit 4), never another exception.</summary>
public sealed class ModelFileProperties : IClassFixture<ModelFileProperties.SmallModel>
{
    private readonly SmallModel _model;

    public ModelFileProperties(SmallModel model) => _model = model;

    /// <summary>One small model trained once for the class.</summary>
    public sealed class SmallModel : IDisposable
    {
        public SmallModel()
        {
            var data = Dir.Write("data.csv", Fixtures.StanceCsv(articles: 6));
            var run = CliRun.Trainer("train", "--data", data, "--model", Dir.File("m.zip"), "--trainer", "nb", "--cv", "none");
            if (run.ExitCode != 0) throw new InvalidOperationException(run.ToString());
            Bytes = File.ReadAllBytes(Dir.File("m.zip"));
        }

        public TempDir Dir { get; } = new();
        public byte[] Bytes { get; }

        public void Dispose() => Dir.Dispose();
    }

    [Fact]
    public void Truncated_files_are_model_errors()
    {
        Prop.ForAll(Gen.Choose(0, _model.Bytes.Length - 1).ToArbitrary(), length =>
            AssertLoadsOrModelError(_model.Bytes[..length], mustFail: true)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Flipped_bytes_are_model_errors_or_load()
    {
        var flips = from count in Gen.Choose(1, 4)
                    from at in Gen.Choose(0, _model.Bytes.Length - 1).ArrayOf(count)
                    from mask in Gen.Choose(1, 255).ArrayOf(count)
                    select (at, mask);
        Prop.ForAll(flips.ToArbitrary(), flip =>
        {
            var copy = (byte[])_model.Bytes.Clone();
            for (int i = 0; i < flip.at.Length; i++) copy[flip.at[i]] ^= (byte)flip.mask[i];
            AssertLoadsOrModelError(copy, mustFail: false);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(30)); // a full load per case: 30 keep the suite quick
    }

    [Fact]
    public void A_damaged_model_exits_4_from_the_predictor()
    {
        var copy = (byte[])_model.Bytes.Clone();
        copy[copy.Length / 2] ^= 0x5A;
        var path = _model.Dir.WriteBytes("damaged.zip", copy);
        var run = CliRun.Predictor(["--model", path, "-"], "Some article text here.\n");
        Assert.Equal(ExitCodes.ModelError, run.ExitCode);
    }

    private void AssertLoadsOrModelError(byte[] bytes, bool mustFail)
    {
        var path = _model.Dir.WriteBytes($"{Guid.NewGuid():N}.zip", bytes);
        try
        {
            ModelFile.Load(path);
            Assert.False(mustFail, $"a model cut to {bytes.Length} of {_model.Bytes.Length} bytes loaded");
        }
        catch (ModelFileException)
        {
        }
        finally
        {
            File.Delete(path);
        }
    }
}
