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
    public void A_later_row_with_the_same_id_replaces_the_earlier_one_and_is_counted()
    {
        using var dir = new TempDir();
        var path = dir.Write("d.csv", "id,text,label\na,first,x\nb,other,y\na,corrected,z\na,again,w\n");
        var warnings = new List<string>();
        var data = LabelledCsvReader.Read(path, new LabelledCsvOptions(["text"], ["label"]), warnings.Add);
        Assert.Equal(["a", "b"], data.Ids);
        Assert.Equal(["again", "other"], data.Texts);
        Assert.Equal("w", data.Labels[0][0]);
        Assert.Equal(2, data.OverriddenRows);
        Assert.Contains(warnings, w => w.Contains("2 row(s) repeat an earlier id") && w.Contains("later row wins"));
    }

    [Fact]
    public void A_repeating_joined_text_column_groups_the_folds_unless_turned_off_or_a_group_column_is_given()
    {
        using var dir = new TempDir();
        var path = dir.Write("d.csv", "target,tweet,label,user\nKosovo,a,for,u1\nSerbia,b,against,u2\nKosovo,c,against,u3\n");
        var warnings = new List<string>();
        var grouped = LabelledCsvReader.Read(path, new LabelledCsvOptions(["target", "tweet"], ["label"]), warnings.Add);
        Assert.Equal(grouped.Groups[0], grouped.Groups[2]);
        Assert.NotEqual(grouped.Groups[0], grouped.Groups[1]);
        Assert.Contains(warnings, w => w.Contains("grouping cross-validation folds by the joined text column 'target'"));

        var off = LabelledCsvReader.Read(path, new LabelledCsvOptions(["target", "tweet"], ["label"], AutoGroup: false));
        Assert.Equal(3, off.Groups.Distinct().Count());
        var explicitGroups = LabelledCsvReader.Read(path, new LabelledCsvOptions(["target", "tweet"], ["label"], GroupColumn: "user"));
        Assert.Equal(["u1", "u2", "u3"], explicitGroups.Groups);

        // The last joined column is the text itself: its repeats (retweets) are not a grouping key.
        var unique = dir.Write("u.csv", "target,tweet,label\nKosovo,same,for\nSerbia,same,against\n");
        Assert.Equal(2, LabelledCsvReader.Read(unique, new LabelledCsvOptions(["target", "tweet"], ["label"])).Groups.Distinct().Count());
    }

    [Fact]
    public void A_later_row_corrects_a_label_typo_of_the_earlier_one()
    {
        using var dir = new TempDir();
        var path = dir.Write("d.csv", "id,text,stance\n7,Kurti spoke,pro-serbai\n8,Vucic spoke,pro-serbia\n7,Kurti spoke,pro-kosovo\n");
        var data = LabelledCsvReader.Read(path, new LabelledCsvOptions(["text"], ["stance"]));
        Assert.Equal(new string?[] { "pro-kosovo", "pro-serbia" }, data.LabelsOf(0).AsEnumerable());
        var typo = dir.Write("t.csv", "id,text,stance\n7,Kurti spoke,pro-kosovo\n8,Vucic spoke,pro-serbai\n");
        Assert.Contains("pro-serbai", Assert.Throws<InputException>(() => LabelledCsvReader.Read(typo, new LabelledCsvOptions(["text"], ["stance"]))).Message);
    }

    [Fact]
    public void Auto_grouping_ignores_blank_cells_and_never_overrides_an_article_column()
    {
        using var dir = new TempDir();
        var blank = dir.Write("b.csv", "title,body,label\n,a,x\n,b,y\nSame,c,x\nSame,d,y\n");
        var groups = LabelledCsvReader.Read(blank, new LabelledCsvOptions(["title", "body"], ["label"])).Groups;
        Assert.NotEqual(groups[0], groups[1]);
        Assert.Equal(groups[2], groups[3]);
        var withArticles = dir.Write("a.csv", "article,title,body,label\nA1,Same,a,x\nA2,Same,b,y\n");
        Assert.Equal(["A1", "A2"], LabelledCsvReader.Read(withArticles, new LabelledCsvOptions(["title", "body"], ["label"])).Groups);
    }

    [Fact]
    public void Rows_without_an_id_column_are_never_merged()
    {
        using var dir = new TempDir();
        var data = LabelledCsvReader.Read(dir.Write("d.csv", "text,label\nsame,x\nsame,x\n"), new LabelledCsvOptions(["text"], ["label"]));
        Assert.Equal(2, data.Count);
        Assert.Equal(0, data.OverriddenRows);
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

    [Fact]
    public void Codebook_label_typo_names_file_row_line_and_suggests_the_label()
    {
        using var dir = new TempDir();
        var path = dir.Write("labels.csv", "id,text,stance,topic\na:1,x,neutral,security\na:2,y,pro-serbai,diplomacy\n");
        var ex = Assert.Throws<InputException>(() => LabelledCsvReader.Read(path, new LabelledCsvOptions(["text"], ["stance", "topic"])));
        Assert.Equal(path, ex.File);
        Assert.Equal(3, ex.Line);
        Assert.Equal(3, ex.Column);
        Assert.Contains("row 2", ex.Message);
        Assert.Contains("'pro-serbai'", ex.Message);
        Assert.Contains("'pro-serbia'", ex.Hint);
        Assert.StartsWith($"{path}:3:3: ", ex.Describe());
    }

    [Fact]
    public void Codebook_topic_typo_is_caught_even_when_the_first_row_is_wrong()
    {
        using var dir = new TempDir();
        var path = dir.Write("s.csv", "text,stance,topic\nx,neutral,secuirty\ny,pro-kosovo,history\n");
        var ex = Assert.Throws<InputException>(() => LabelledCsvReader.Read(path, new LabelledCsvOptions(["text"], ["stance", "topic"])));
        Assert.Equal(2, ex.Line);
        Assert.Contains("unknown topic label 'secuirty'", ex.Message);
        Assert.Contains("'security'", ex.Hint);
    }

    [Fact]
    public void Unknown_codebook_label_without_a_near_match_lists_the_labels()
    {
        using var dir = new TempDir();
        var path = dir.Write("s.csv", "text,stance\nx,neutral\ny,pro-montenegro-and-friends\n");
        var ex = Assert.Throws<InputException>(() => LabelledCsvReader.Read(path, new LabelledCsvOptions(["text"], ["stance"])));
        Assert.Equal(3, ex.Line);
        Assert.Contains("pro-serbia, pro-kosovo, neutral", ex.Hint);
        Assert.DoesNotContain("did you mean", ex.Hint);
    }

    [Fact]
    public void Codebook_labels_are_case_sensitive()
    {
        using var dir = new TempDir();
        var path = dir.Write("s.csv", "text,stance\nx,neutral\ny,Neutral\n");
        var ex = Assert.Throws<InputException>(() => LabelledCsvReader.Read(path, new LabelledCsvOptions(["text"], ["stance"])));
        Assert.Contains("'neutral'", ex.Hint);
    }

    [Fact]
    public void A_stance_column_with_another_datasets_own_labels_is_not_checked()
    {
        using var dir = new TempDir();
        var path = dir.Write("semeval.csv", "text,stance\nx,FAVOR\ny,AGAINST\nz,NONE\n");
        var data = LabelledCsvReader.Read(path, new LabelledCsvOptions(["text"], ["stance"]));
        Assert.Equal("FAVOR|AGAINST|NONE", string.Join('|', data.LabelsOf(0)));
    }

    [Fact]
    public void Valid_codebook_labels_and_blank_labels_load()
    {
        using var dir = new TempDir();
        var path = dir.Write("s.csv", "text,stance,topic\nx,pro-serbia,other\ny,,economy\n");
        var data = LabelledCsvReader.Read(path, new LabelledCsvOptions(["text"], ["stance", "topic"]));
        Assert.Equal("pro-serbia", data.LabelsOf(0)[0]);
        Assert.Null(data.LabelsOf(0)[1]);
    }
}
