using Classifier.Tests.Support;
using Classifier.Text.Datasets;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.Datasets;

public class LabelledCsvReaderTests
{
    [Fact]
    public void Joins_text_columns_reads_heads_groups_and_skips_empty_text()
    {
        using var dir = new TempDir();
        var path = dir.Write("d.csv", "id,target,tweet,label,user\n1,Kosovo,is a state,for,u1\n2,,  ,against,u2\n3,Serbia,x,,u1\n");
        var data = LabelledCsvReader.Read(path, new LabelledCsvOptions(["target", "tweet"], ["label"], GroupColumn: "user"));
        Assert.Equal(2, data.Count);
        Assert.Equal("Kosovo\nis a state", data.Texts[0]);
        Assert.Equal("Serbia\nx", data.Texts[1]);
        Assert.Equal(["label"], data.HeadNames);
        Assert.Equal("for", data.Labels[0][0]);
        Assert.Null(data.Labels[1][0]);
        Assert.Equal(["u1", "u1"], data.Groups);
        Assert.Equal(1, data.SkippedEmptyText);
    }

    [Fact]
    public void Missing_label_column_names_the_file_and_lists_columns()
    {
        using var dir = new TempDir();
        var path = dir.Write("d.csv", "id,text\n1,a\n");
        var ex = Assert.Throws<InputException>(() => LabelledCsvReader.Read(path, new LabelledCsvOptions(["text"], ["stance"])));
        Assert.Equal(path, ex.File);
        Assert.Contains("id, text", ex.Hint);
    }

    [Fact]
    public void Concat_marks_train_only_rows()
    {
        using var dir = new TempDir();
        var gold = LabelledCsvReader.Read(dir.Write("g.csv", "text,label\na,x\n"), new LabelledCsvOptions(["text"], ["label"]));
        var extra = LabelledCsvReader.Read(dir.Write("s.csv", "text,label\nb,y\n"), new LabelledCsvOptions(["text"], ["label"], Weight: 0.5f, TrainOnly: true));
        var all = gold.Concat(extra);
        Assert.Equal([false, true], all.TrainOnly);
        Assert.Equal([1f, 0.5f], all.Weights);
    }
}
