using System.Net;

namespace Classifier.Studio;

/// <summary>How the studio was started: where it listens, who may call it, and the files it serves.</summary>
/// <param name="Address">The address to bind (127.0.0.1 unless --host says otherwise).</param>
/// <param name="Port">The TCP port; 0 picks a free one.</param>
/// <param name="Token">When set, every request but /healthz and /login needs it (header or the cookie /login sets).</param>
/// <param name="ModelPath">The model file, shown on the pages.</param>
/// <param name="Reports">The reports found under --reports at start (none without it).</param>
/// <param name="Labelling">The Label page's files (--labels, --in, --rules, --schema), listed by /studio/v1/info.</param>
/// <param name="Review">The Review page's files (--review, --adjudicated, --texts); none when not given.</param>
public sealed record StudioOptions(IPAddress Address, int Port, string? Token, string ModelPath, Reports.ReportIndex Reports, LabellingFiles Labelling, ReviewFiles? Review = null);
