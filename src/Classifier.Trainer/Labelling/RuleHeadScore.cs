namespace Classifier.Trainer.Labelling;

/// <summary>The combined labels of one head against gold, next to plain majority vote.</summary>
public sealed record RuleHeadScore(string Head, string Method, string Note, int Rows, int Labelled, int Gold, int Covered, int Correct, int MajorityCovered, int MajorityCorrect)
{
    public double Coverage => Gold == 0 ? double.NaN : (double)Covered / Gold;
    public double Accuracy => Covered == 0 ? double.NaN : (double)Correct / Covered;
    public double MajorityAccuracy => MajorityCovered == 0 ? double.NaN : (double)MajorityCorrect / MajorityCovered;
    public double MajorityCoverage => Gold == 0 ? double.NaN : (double)MajorityCovered / Gold;
}
