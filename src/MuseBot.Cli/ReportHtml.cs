using System.Globalization;
using System.Net;
using System.Text;
using MuseBot.Contracts;

namespace MuseBot.Cli;

/// <summary>
/// The report as one self-contained HTML page (inline CSS and SVG, no script, nothing fetched), to open from a file
/// or attach to a mail. Every text from the store is HTML-encoded: questions are whatever people typed.
/// </summary>
public static class ReportHtml
{
    private const int Width = 720, Height = 240, Left = 40, Right = 12, Top = 12, Bottom = 36;

    /// <summary>Series of the chart: name, colour, value of a day.</summary>
    private static readonly (string Name, string Colour, Func<DayActivity, int> Value)[] Series =
    [
        ("refused", "#c0392b", d => d.Refused),
        ("helpful 👍", "#2e8b57", d => d.ThumbsUp),
        ("not helpful 👎", "#d4841a", d => d.ThumbsDown),
    ];

    public static string Render(FeedbackReport report, FeedbackInsights? week, FeedbackInsights? chart, DateTimeOffset now, int top)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>MuseBot report</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:760px;padding:0 1rem;color:#222}
            h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
            table{border-collapse:collapse;width:100%}td,th{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
            td.n,th.n{text-align:right;white-space:nowrap}.rates{display:flex;gap:1rem}.rate{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem}
            .rate b{display:block;font-size:1.4rem}.none{color:#777}svg text{font-size:11px;fill:#555}
            </style></head><body>
            <h1>MuseBot report</h1>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<p>Generated {Encode(now.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))} UTC.</p>\n");

        if (week is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>This week</h2>\n<div class=\"rates\" id=\"rates\">");
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"rate\"><b id=\"questions\">{week.Questions}</b>questions</div>");
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"rate\"><b id=\"answered-rate\">{ReportCommand.Percent(week.AnsweredRate)}</b>answered ({week.Answered})</div>");
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"rate\"><b id=\"refused-rate\">{ReportCommand.Percent(week.RefusedRate)}</b>refused ({week.Refused})</div></div>\n");
        }
        if (chart is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>Refusals and feedback per day (last {ReportCommand.ChartDays} days)</h2>\n");
            html.Append(Chart(chart, now));
        }
        if (week is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>Most-asked refused questions this week (top {top})</h2>\n");
            Table(html, "refused-week", ["Asked", "Question"], week.TopRefused.Select(q => new[] { Num(q.Count), Encode(q.Question) }));
            html.Append("<h2>Feedback (👍/👎) by section this week</h2>\n");
            Table(html, "sections", ["helpful 👍", "not helpful 👎", "Section"], week.BySection.Select(s => new[] { Num(s.ThumbsUp), Num(s.ThumbsDown), Encode(s.Section) }));
        }
        html.Append(CultureInfo.InvariantCulture, $"<h2>Most frequent unanswered questions, all time (top {top})</h2>\n");
        Table(html, "unanswered", ["Asked", "Question"], report.TopUnanswered.Select(q => new[] { Num(q.Count), Encode(q.Question) }));
        html.Append(CultureInfo.InvariantCulture, $"<h2>Answers with most 👎 (not helpful), all time (top {top})</h2>\n");
        Table(html, "downvoted", ["not helpful 👎", "helpful 👍", "Question"], report.MostDownvoted.Select(q => new[] { Num(q.ThumbsDown), Num(q.ThumbsUp), Encode(q.Question) }));
        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>A line per series over the chart's days (days with nothing recorded count 0).</summary>
    private static string Chart(FeedbackInsights chart, DateTimeOffset now)
    {
        var last = DateOnly.FromDateTime(now.UtcDateTime);
        var first = last.AddDays(1 - ReportCommand.ChartDays);
        var byDay = chart.Days.ToDictionary(d => d.Day);
        var days = Enumerable.Range(0, ReportCommand.ChartDays).Select(i => first.AddDays(i))
            .Select(d => byDay.GetValueOrDefault(d) ?? new DayActivity(d, 0, 0, 0, 0)).ToList();
        var max = Math.Max(1, days.Max(d => Series.Max(s => s.Value(d))));
        double X(int i) => Left + i * (Width - Left - Right) / (double)(days.Count - 1);
        double Y(int v) => Top + (Height - Top - Bottom) * (1 - v / (double)max);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-label=\"Refusals and feedback per day\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{F(Y(0))}\" x2=\"{Width - Right}\" y2=\"{F(Y(0))}\" stroke=\"#999\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{F(Y(0))}\" stroke=\"#999\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(Y(max) + 4)}\" text-anchor=\"end\">{max}</text><text x=\"{Left - 6}\" y=\"{F(Y(0) + 4)}\" text-anchor=\"end\">0</text>\n");
        for (int i = 0; i < days.Count; i += 7)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{days[i].Day:MM-dd}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(days.Count - 1))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"end\">{days[^1].Day:MM-dd}</text>\n");
        for (int s = 0; s < Series.Length; s++)
        {
            var (name, colour, value) = Series[s];
            var points = string.Join(' ', days.Select((d, i) => $"{F(X(i))},{F(Y(value(d)))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"series\" data-series=\"{Encode(name)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{points}\"/>\n");
            foreach (var (d, i) in days.Select((d, i) => (d, i)).Where(p => value(p.d) > 0))
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(value(d)))}\" r=\"3\" fill=\"{colour}\"><title>{d.Day:yyyy-MM-dd}: {value(d)} {Encode(name)}</title></circle>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + 10 + s * 130}\" y=\"{Height - 14}\" width=\"10\" height=\"10\" fill=\"{colour}\"/><text x=\"{Left + 24 + s * 130}\" y=\"{Height - 5}\">{Encode(name)}</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Table(StringBuilder html, string id, string[] headers, IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"none\" id=\"{id}\">None recorded.</p>\n");
            return;
        }
        html.Append(CultureInfo.InvariantCulture, $"<table id=\"{id}\"><thead><tr>");
        foreach (var (h, i) in headers.Select((h, i) => (h, i)))
            html.Append(CultureInfo.InvariantCulture, $"<th{(i < headers.Length - 1 ? " class=\"n\"" : "")}>{Encode(h)}</th>");
        html.Append("</tr></thead><tbody>\n");
        foreach (var row in list)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Length; i++)
                html.Append(CultureInfo.InvariantCulture, $"<td{(i < row.Length - 1 ? " class=\"n\"" : "")}>{row[i]}</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table>\n");
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
