using System.CommandLine;
using System.Globalization;
using Classifier.Text.Diagnostics;

namespace Classifier.Cli;

/// <summary>Options several commands share, with the same names and help everywhere.</summary>
public static class CommonOptions
{
    /// <summary>A server's TCP port, checked as a usage error (exit 2) before anything starts.</summary>
    public static Option<int> Port(int defaultPort)
    {
        var port = new Option<int>("--port", "-p") { Description = "TCP port (0 picks a free one; the address is printed).", DefaultValueFactory = _ => defaultPort };
        port.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value is < 0 or > 65535) result.AddError($"--port must be from 0 to 65535, not {value.ToString(CultureInfo.InvariantCulture)} (for example --port {defaultPort.ToString(CultureInfo.InvariantCulture)})");
        });
        return port;
    }

    /// <summary>A server's listening address; anything but loopback needs a token (the servers enforce it).</summary>
    public static Option<string> Host() => new("--host")
    {
        Description = "Address to listen on: 127.0.0.1 (this machine only), or 0.0.0.0 / * / an interface's address, which need a token.",
        DefaultValueFactory = _ => "127.0.0.1",
    };

    public static Option<string[]> TextColumns() => new("--text-col")
    {
        Description = "Column holding the text. Repeat to join several columns (e.g. a target and a tweet). Default: text.",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => ["text"],
    };

    public static Option<string[]> LabelColumns() => new("--label-col")
    {
        Description = "Label column; repeat for several heads in one model. Default: stance and topic when present, else label.",
    };

    public static Option<string?> GroupColumn() => new("--group-col")
    {
        Description = "Rows sharing this key stay in one cross-validation fold (default: the 'article' column when present).",
    };

    public static Option<string> Model(bool required) => new("--model", "-m")
    {
        Description = "Model file (.zip).",
        Required = required,
    };

    /// <summary>Makes values below <paramref name="minimum"/> a usage error (exit 2) instead of something silently adjusted later.</summary>
    public static Option<int> AtLeast(this Option<int> option, int minimum, string example)
    {
        option.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value < minimum)
                result.AddError($"{option.Name} must be at least {minimum.ToString(CultureInfo.InvariantCulture)}, not {value.ToString(CultureInfo.InvariantCulture)} (for example {option.Name} {example})");
        });
        return option;
    }

    /// <summary>
    /// A file argument that looks like an option ("--bogus") and names no file is a mistyped option: say so (exit 2),
    /// with the nearest real option, instead of reporting a missing file.
    /// </summary>
    public static Argument<string[]> RejectingUnknownOptions(this Argument<string[]> paths, Func<IEnumerable<string>> options)
    {
        paths.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (value.Length < 2 || value[0] != '-' || File.Exists(value) || Directory.Exists(value)) continue;
                var near = Suggestions.Nearest(value, options());
                result.AddError($"unknown option '{value}'" + (near is null ? "" : $": did you mean '{near}'?"));
            }
        });
        return paths;
    }

    /// <summary>Parses "60s", "2m", "90" (seconds) into a time span.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        double scale = 1;
        if (t.EndsWith("ms", StringComparison.Ordinal)) { scale = 0.001; t = t[..^2]; }
        else if (t.EndsWith('s')) t = t[..^1];
        else if (t.EndsWith('m')) { scale = 60; t = t[..^1]; }
        else if (t.EndsWith('h')) { scale = 3600; t = t[..^1]; }
        // A week is far beyond any sensible budget; the cap keeps TimeSpan and timers from overflowing.
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value * scale <= 7 * 24 * 3600)
            return TimeSpan.FromSeconds(value * scale);
        throw new UsageException($"'{text}' is not a duration between 1ms and a week", "write it like 60s, 2m or 1h");
    }

    /// <summary>key=value pairs from repeated --set options.</summary>
    public static Dictionary<string, string> ParseSettings(IEnumerable<string> pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            int eq = pair.IndexOf('=');
            if (eq <= 0 || eq == pair.Length - 1) throw new UsageException($"'{pair}' is not a key=value setting", "for example --set c=0.5");
            result[pair[..eq].Trim().ToLowerInvariant()] = pair[(eq + 1)..].Trim();
        }
        return result;
    }
}
