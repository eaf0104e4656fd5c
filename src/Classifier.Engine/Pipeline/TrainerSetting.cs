using System.Globalization;
using Classifier.Text.Diagnostics;

namespace Classifier.Engine.Pipeline;

/// <summary>
/// One <c>--set</c> setting of a trainer: its name (also the hyperparameter name saved in the manifest), whether it
/// is a whole number, its allowed range and what it does. Checked before any data is read.
/// </summary>
/// <param name="Name">The --set key, e.g. "l2".</param>
/// <param name="Integer">Whether only whole numbers are allowed.</param>
/// <param name="Minimum">Smallest allowed value.</param>
/// <param name="MinimumExclusive">The minimum itself is not allowed (l2 &gt; 0).</param>
/// <param name="Maximum">Largest allowed value.</param>
/// <param name="Description">What it does and its default, for help and messages.</param>
public sealed record TrainerSetting(string Name, bool Integer, double Minimum, bool MinimumExclusive, double Maximum, string Description)
{
    /// <summary>The value of <paramref name="text"/>, or a usage error (exit 2) that states the allowed range.</summary>
    public double Parse(string trainer, string text)
    {
        double value = double.NaN;
        bool parsed = Integer
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) && (value = whole) == whole
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
        if (parsed && (MinimumExclusive ? value > Minimum : value >= Minimum) && value <= Maximum) return value;
        throw new UsageException($"trainer '{trainer}': setting '{Name}' must be {Range}, not '{text}'", $"{Name}: {Description}");
    }

    /// <summary>The allowed range in words, e.g. "a number above 0" or "a whole number from 2 to 1000".</summary>
    public string Range
    {
        get
        {
            string kind = Integer ? "a whole number" : "a number";
            string low = Minimum.ToString("0.##########", CultureInfo.InvariantCulture), high = Maximum.ToString("0.##########", CultureInfo.InvariantCulture);
            if (double.IsPositiveInfinity(Maximum)) return MinimumExclusive ? $"{kind} above {low}" : $"{kind} of at least {low}";
            return MinimumExclusive ? $"{kind} above {low} and at most {high}" : $"{kind} from {low} to {high}";
        }
    }
}
