namespace Classifier.Text.Datasets;

/// <summary>Which columns of a user's CSV hold what.</summary>
/// <param name="TextColumns">Text columns, joined with a newline in the given order (e.g. a stance target and a tweet).</param>
/// <param name="LabelColumns">One classifier head per label column.</param>
/// <param name="GroupColumn">Rows sharing this key are kept in one CV fold; default: the <c>article</c> column when present, else each row alone.</param>
/// <param name="IdColumn">Row identifier; default: the <c>id</c> column when present, else <c>file#line</c>.</param>
/// <param name="Weight">Weight of every row from these files (weak labels are down-weighted).</param>
/// <param name="TrainOnly">Rows that train in every fold but are never tested (a synthetic supplement).</param>
/// <param name="AutoGroup">
/// When several text columns are joined and no <paramref name="GroupColumn"/> is given, group rows by the first joined
/// column other than the last whose values repeat (a stance target, a claim): otherwise cross-validation tests rows
/// whose target the model saw in training and rewards memorising targets. Default on.
/// </param>
public sealed record LabelledCsvOptions(
    IReadOnlyList<string> TextColumns,
    IReadOnlyList<string> LabelColumns,
    string? GroupColumn = null,
    string? IdColumn = null,
    float Weight = 1f,
    bool TrainOnly = false,
    bool AutoGroup = true);
