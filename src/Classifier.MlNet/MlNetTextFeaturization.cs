using Classifier.Engine.Featurization;
using Microsoft.ML.Transforms.Text;

namespace Classifier.MlNet;

/// <summary>
/// Maps our featurizer options onto ML.NET's FeaturizeText, as closely as ML.NET allows:
/// <list type="bullet">
/// <item>word n-grams 1..N and the weighting (TF, IDF, TF-IDF) map directly;</item>
/// <item>character n-grams: ML.NET extracts either one length or all lengths 1..max, so a minimum above 1 (ours is 2
/// by default) becomes 1..max, the nearest it has; 0 turns the block off as ours does;</item>
/// <item>ML.NET normalises case and diacritics itself and keeps punctuation and digits; it learns a dictionary (no
/// hashing), has no sublinear TF, and no voice, rule, embedding or article-context blocks: those options are ours only
/// and an ML.NET head ignores them (the manifest still records them for our heads).</item>
/// </list>
/// </summary>
public static class MlNetTextFeaturization
{
    public static TextFeaturizingEstimator.Options From(FeaturizerOptions options) => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,
        KeepPunctuations = true,
        KeepNumbers = true,
        WordFeatureExtractor = new WordBagEstimator.Options
        {
            NgramLength = options.WordNgrams,
            UseAllLengths = true,
            Weighting = Weighting(options.Weighting),
        },
        CharFeatureExtractor = options.CharNgramMin == 0 ? null : new WordBagEstimator.Options
        {
            NgramLength = options.CharNgramMax,
            UseAllLengths = options.CharNgramMin < options.CharNgramMax,
            Weighting = Weighting(options.Weighting),
        },
        Norm = options.Normalize ? TextFeaturizingEstimator.NormFunction.L2 : TextFeaturizingEstimator.NormFunction.None,
    };

    private static NgramExtractingEstimator.WeightingCriteria Weighting(TermWeighting weighting) => weighting switch
    {
        TermWeighting.Tf => NgramExtractingEstimator.WeightingCriteria.Tf,
        TermWeighting.Idf => NgramExtractingEstimator.WeightingCriteria.Idf,
        _ => NgramExtractingEstimator.WeightingCriteria.TfIdf,
    };
}
