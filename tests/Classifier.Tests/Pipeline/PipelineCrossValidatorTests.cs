using Classifier.Engine.Pipeline;
using Classifier.Text.Datasets;

namespace Classifier.Tests.Pipeline;

public sealed class PipelineCrossValidatorTests
{
    [Fact]
    public void Train_only_rows_of_a_tested_group_sit_that_fold_out()
    {
        // Rows 0-1: gold, article a; rows 2-3: gold, article b; row 4: weak label of an article-a paragraph; row 5: supplement.
        var data = new LabelledDataset(
            ["a:1", "a:2", "b:1", "b:2", "a:1", "syn-1"], ["t1", "t2", "t3", "t4", "t1", "t5"], ["stance"],
            [["neutral"], ["pro-serbia"], ["neutral"], ["pro-kosovo"], ["neutral"], ["neutral"]],
            ["a", "a", "b", "b", "a", "syn-1"], [1, 1, 1, 1, 0.3f, 1], [false, false, false, false, true, true], 0);
        var folds = PipelineCrossValidator.AssignFolds(data, 0, 1);
        Assert.Equal([0, 0, 1, 1, -1, -1], folds);

        var (trainA, testA) = PipelineCrossValidator.Split(data, folds, 0);
        Assert.Equal([0, 1], testA);
        Assert.Equal([2, 3, 5], trainA);

        var (trainB, testB) = PipelineCrossValidator.Split(data, folds, 1);
        Assert.Equal([2, 3], testB);
        Assert.Equal([0, 1, 4, 5], trainB);
    }
}
